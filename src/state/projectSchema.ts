// The shape and ranges of a project file (and of the autosave, the same
// document), as a valibot schema. Cross-references (zone indices, lengths that
// must match the units) are checked after it, in projectFile.ts.
import * as v from 'valibot';
import { flag, range, record, text, withDefault } from '../../solver/schema';
import { SCORE_SETTINGS_SCHEMA } from '../../solver/score/settingsSchema';
import { BASE_CAPACITY } from '../import/bases';

/** A week has 168 hours: no one person can need more care than that. */
export const HOURS_IN_A_WEEK = 168;

const lon = range(-180, 180, { unit: '° longitude' });
const lat = range(-90, 90, { unit: '° latitude' });
const list = <S extends v.GenericSchema>(item: S) => v.array(item, (issue) => `must be a list, found ${typeof issue.input}`);

/**
 * Polygon rings, checked by hand: a 10,000-unit file holds millions of
 * positions, and one loop is ~10x faster than a schema per position
 * (docs/decisions/0004-valibot.md). The first bad position is named.
 */
function ringsProblem(rings: unknown, depth: 2 | 3): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'must be a non-empty list';
  for (let i = 0; i < rings.length; i++) {
    if (depth === 3) {
      const p = ringsProblem(rings[i], 2);
      if (p) return `[${i}]${p}`;
      continue;
    }
    const ring = rings[i];
    if (!Array.isArray(ring) || ring.length < 4) return `[${i}]: a ring needs at least 4 positions (first = last)`;
    for (let k = 0; k < ring.length; k++) {
      const q = ring[k];
      if (!Array.isArray(q) || typeof q[0] !== 'number' || typeof q[1] !== 'number' || !(Math.abs(q[0]) <= 180) || !(Math.abs(q[1]) <= 90)) {
        return `[${i}][${k}]: must be [longitude, latitude] numbers (−180 to 180, −90 to 90), found ${JSON.stringify(q)?.slice(0, 60)}`;
      }
    }
  }
  return null;
}

const geometry = v.pipe(
  record({ type: v.picklist(['Polygon', 'MultiPolygon'], (i) => `must be "Polygon" or "MultiPolygon", found ${JSON.stringify(i.input)}`), coordinates: v.unknown() }),
  v.check((g) => ringsProblem(g.coordinates, g.type === 'Polygon' ? 2 : 3) === null, (i) => {
    const g = i.input as { type: string; coordinates: unknown };
    return `coordinates${ringsProblem(g.coordinates, g.type === 'Polygon' ? 2 : 3)}`;
  }),
);

const unit = record({
  id: text(200),
  name: text(500),
  geometry,
  lon,
  lat,
  rurality: range(0, 2, { integer: true }),
  sparse: withDefault(flag(), false),
  ruc: withDefault(text(10), ''),
  town: withDefault(range(-1, 1e6, { integer: true }), -1),
  sectors: withDefault(v.record(v.string(), range(0, 1e7, { unit: 'postcodes' })), {}),
});

const perUnit = (max: number, unitName: string) => list(range(0, max, { unit: unitName }));

const demand = record({
  users: perUnit(1e6, 'people'),
  hours: perUnit(1e7, 'h/week'),
  doubleHandedHours: perUnit(1e7, 'h/week'),
  waitingUsers: perUnit(1e6, 'people'),
  waitingHours: perUnit(1e7, 'h/week'),
  visits: perUnit(1e7, 'visits/week'),
  bandVisits: perUnit(1e7, 'visits/week'),
});

const zone = record({
  id: text(100),
  name: text(500),
  colour: v.optional(v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, (i) => `must be a colour like #4e79a7, found ${JSON.stringify(i.input)}`))),
});

const base = record({
  id: text(200),
  name: text(500),
  lon,
  lat,
  capacityHours: BASE_CAPACITY,
  zone: range(-1, 1e6, { integer: true }),
});

const scenario = record({
  id: text(100),
  name: text(500),
  zones: list(zone),
  bases: list(base),
  zoneOf: list(range(-1, 1e6, { integer: true })),
  lockedUnits: withDefault(list(range(0, 1e7, { integer: true })), []),
  lockedZones: v.optional(list(flag())),
});

const town = record({ name: text(500), lon, lat });

export const PROJECT_DOC_SCHEMA = record({
  format: v.literal('carezones-project'),
  version: range(0, 1e6, { integer: true }),
  savedAt: v.optional(v.string()),
  name: text(500),
  syntheticUsers: withDefault(flag(), false),
  attribution: withDefault(list(text(1000)), []),
  units: v.pipe(list(unit), v.minLength(1, 'the project has no units')),
  demand,
  towns: withDefault(list(town), []),
  scenarios: v.pipe(list(scenario), v.minLength(1, 'the project has no scenario')),
  currentScenarioId: text(100),
  baselineScenarioId: v.optional(v.nullable(text(100)), null),
  settings: v.optional(SCORE_SETTINGS_SCHEMA, {}),
});

export type ParsedProjectDoc = v.InferOutput<typeof PROJECT_DOC_SCHEMA>;
