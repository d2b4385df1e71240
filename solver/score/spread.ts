// Spread of a figure across zones: range and coefficient of variation.
import type { Spread } from './types';

export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const cv = mean === 0 ? null : Math.sqrt(squares / values.length) / mean;
  return { min, max, range: max - min, cv };
}
