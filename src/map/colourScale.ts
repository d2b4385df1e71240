// The colour classes of each score the map can be coloured by: per-unit values,
// class breaks and labels. Shared by the map (fill-color) and the legend so the
// two always agree. Pure: no map, no React.
import { asUnit, Rurality, UNASSIGNED, type UnitIndex } from '../../solver/model';
import type { ScoreState } from '../../solver/score';
import type { ColourMode } from '../state/colourMode';

export type ScoreMode = Exclude<ColourMode, 'zone'>;

export interface ColourScale {
  title: string;
  /** Ascending lower bounds of classes 2..n (MapLibre `step` stops). */
  breaks: number[];
  colours: string[];
  labels: string[];
}

/** Light to dark: more hours, more travel, more waiting, more remote. */
const SEQUENTIAL = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'];
const RURALITY_COLOURS = ['#bcd4e6', '#a6d96a', '#1a9641', '#8c510a'];
export const NO_DATA_COLOUR = '#d9d9d9';

/** The feature-state key holding a unit's value for a mode. */
export const stateKey = (mode: ScoreMode) => `score_${mode}`;

/** Each unit's value for a mode; null where it has none (no zone, no base). */
export function unitValue(state: ScoreState, mode: ScoreMode, u: UnitIndex): number | null {
  const { model, baseRoadMetres, minutesPerMetre, zoneBaseCount, zoneCount } = state.ctx;
  const { units, demand } = model;
  switch (mode) {
    case 'hours':
      return demand.hours[u];
    case 'density':
      return units.areaKm2[u] > 0 ? demand.hours[u] / units.areaKm2[u] : null;
    case 'rurality':
      // Sparse settings get a class of their own: the ONS flag for the most remote places.
      return units.rurality[u] !== Rurality.Urban && units.sparse[u] ? 3 : units.rurality[u];
    case 'travel': {
      const z = state.zoneOf(u);
      if (z === UNASSIGNED || zoneBaseCount[z] === 0) return null;
      return baseRoadMetres[u * zoneCount + z] * minutesPerMetre[units.rurality[u]];
    }
    case 'waiting':
      return demand.waitingUsers[u];
    case 'extraRural':
      return state.extraRural.score[u];
  }
}

/** Two significant figures: breaks a reader can take in at a glance. */
function nice(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(2));
}

/** Quintile breaks of the positive values, rounded and made strictly ascending. */
function quantileBreaks(values: number[]): number[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const out: number[] = [];
  for (const q of [0.2, 0.4, 0.6, 0.8]) {
    const b = nice(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
    if (b > 0 && (out.length === 0 || b > out[out.length - 1])) out.push(b);
  }
  return out;
}

const fmt = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 2 });

function rangeLabels(breaks: number[], unit: string): string[] {
  if (breaks.length === 0) return [`all ${unit}`.trim()];
  const labels = [`under ${fmt(breaks[0])}`];
  for (let i = 1; i < breaks.length; i++) labels.push(`${fmt(breaks[i - 1])}–${fmt(breaks[i])}`);
  labels.push(`${fmt(breaks[breaks.length - 1])} or more`);
  return labels.map((l) => `${l} ${unit}`.trim());
}

function sequential(title: string, breaks: number[], unit: string): ColourScale {
  const colours = SEQUENTIAL.slice(SEQUENTIAL.length - breaks.length - 1);
  return { title, breaks, colours, labels: rangeLabels(breaks, unit) };
}

function buildScale(state: ScoreState, mode: ScoreMode): ColourScale {
  const values = () => Array.from({ length: state.ctx.model.units.count }, (_, u) => unitValue(state, mode, asUnit(u)) ?? 0);
  switch (mode) {
    case 'hours':
      return sequential('Weekly hours per unit', quantileBreaks(values()), 'h');
    case 'density':
      return sequential('Hours density', quantileBreaks(values()), 'h/km²');
    case 'travel':
      return sequential("Travel from the zone's base", quantileBreaks(values()), 'min');
    case 'waiting':
      return { ...sequential('People waiting', [1, 2, 3, 5], ''), labels: ['none', '1', '2', '3–4', '5 or more'] };
    case 'extraRural': {
      const { switchOn, switchOff } = state.ctx.settings.extraRural;
      const breaks = [0.2, 0.4, switchOff, switchOn].filter((b, i, all) => i === 0 || b > all[i - 1]);
      const scale = sequential('Extra-rural score', breaks, '');
      const labels = scale.labels.map((l, i) => (i === breaks.length ? `${l} (switch-on)` : l));
      return { ...scale, labels };
    }
    case 'rurality':
      return {
        title: 'Rurality (ONS 2011)',
        breaks: [1, 2, 3],
        colours: RURALITY_COLOURS,
        labels: ['Urban', 'Rural town and fringe', 'Rural village and dispersed', 'Rural, sparse setting'],
      };
  }
}

// Breaks are fixed for the life of a ScoreState (rebuilt on settings or zone
// changes), so the legend does not jump while a commissioner paints.
const cache = new WeakMap<ScoreState, Map<ScoreMode, ColourScale>>();

export function colourScale(state: ScoreState, mode: ScoreMode): ColourScale {
  let byMode = cache.get(state);
  if (!byMode) cache.set(state, (byMode = new Map()));
  let scale = byMode.get(mode);
  if (!scale) byMode.set(mode, (scale = buildScale(state, mode)));
  return scale;
}
