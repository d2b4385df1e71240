// Golden files, after Turf's tests: each suite has a folder
// test/fixtures/golden/<suite>/ with the inputs in in/ and the expected outputs
// in out/. A test computes the output of each input and compares it with out/;
// `UPDATE_GOLDEN=1 npx vitest run <test file>` writes out/ instead, so a change
// of output is reviewed as a diff of out/ in the commit.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export const GOLDEN_ROOT = 'test/fixtures/golden';

/** Whether this run rewrites the expected outputs (UPDATE_GOLDEN=1) instead of checking them. */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

export interface GoldenInput {
  /** File name in in/, e.g. "quoted-fields.csv". */
  file: string;
  /** The name without its extension, e.g. "quoted-fields": the usual stem of its outputs. */
  name: string;
  path: string;
  bytes(): Uint8Array;
  text(): string;
}

/** The inputs of a suite (test/fixtures/golden/<suite>/in/*), sorted by name. */
export function goldenInputs(suite: string): GoldenInput[] {
  const dir = join(GOLDEN_ROOT, suite, 'in');
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      return {
        file,
        name: file.replace(/\.[^.]+$/, ''),
        path,
        bytes: () => new Uint8Array(readFileSync(path)),
        text: () => readFileSync(path, 'utf8'),
      };
    });
}

/**
 * Stable text of a value for a golden file: JSON indented by 2, with a final newline;
 * an array of plain values that fits in 100 characters (a coordinate pair, a short list
 * of ids) stays on one line. Typed arrays become arrays, Maps objects, Sets arrays, and
 * non-integers are written to 10 significant digits (so a last-bit difference of floating
 * point between machines is not a change of output).
 */
export function goldenJson(value: unknown): string {
  return `${format(JSON.parse(JSON.stringify(value, (_key, v) => plain(v))), '')}\n`;
}

function plain(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>, (x) => plain(x));
  if (v instanceof Map) return Object.fromEntries(v);
  if (v instanceof Set) return [...v];
  return v;
}

function format(v: unknown, indent: string): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((x) => x === null || typeof x !== 'object')) {
      const line = `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
      if (line.length + indent.length <= 100) return line;
    }
    return `[\n${v.map((x) => inner + format(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${format(x, inner)}`).join(',\n')}\n${indent}}`;
}

/**
 * Checks `actual` against test/fixtures/golden/<suite>/out/<file> (or writes it when
 * UPDATE_GOLDEN=1). Strings are compared as they are; anything else as goldenJson(actual).
 */
export function expectGolden(suite: string, file: string, actual: unknown): void {
  const path = join(GOLDEN_ROOT, suite, 'out', file);
  const text = typeof actual === 'string' ? actual : goldenJson(actual);
  if (UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  expect(existsSync(path), `${path} is missing: write it with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(text, `${path} differs (if the change is meant, UPDATE_GOLDEN=1 and review the diff)`).toBe(readFileSync(path, 'utf8'));
}

/**
 * Fails when out/ holds a file other than `expected` (the files the suite's inputs
 * produce), as when an input was renamed or removed and its output stayed behind.
 */
export function expectNoStaleGolden(suite: string, expected: readonly string[]): void {
  const dir = join(GOLDEN_ROOT, suite, 'out');
  const stale = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .filter((f) => !expected.includes(f));
  expect(stale, `stale golden files in ${dir}`).toEqual([]);
}
