// Fuzzing the readers: whatever a file holds, a reader either refuses it with a
// message or gives data the rest of the program can use; a row is never
// dropped without a problem saying so. FUZZ_RUNS sets the size (npm run fuzz).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRefused, guessUserMapping, readCsv } from '../../../src/import/csv';
import { isBlankRow, spreadsheetRow } from '../../../src/import/csv';
import { parseUsers } from '../../../src/import/users';
import { readProjectFile, writeProjectFile } from '../../../src/state/projectFile';
import { scenarioFromModel } from '../../../src/model/scenario';
import { readRulesFile } from '../../../solver/optimise/rulesSchema';
import { DEFAULT_SCORE_SETTINGS, scorePlan } from '../../../solver/score';
import { loadExampleCounty } from '../../support/exampleCounty';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
/** npm run fuzz's 2,000 runs take minutes on a loaded machine. */
const TIMEOUT = Math.max(60_000, RUNS * 200);
const project = loadExampleCounty('lincolnshire');
const saved = JSON.parse(writeProjectFile({
  project, scenarios: [scenarioFromModel(project.model, project.plan, 'a', 'Current zones')], currentId: 'a', baselineId: 'a', settings: DEFAULT_SCORE_SETTINGS,
}));

/** Every leaf path of a JSON value (arrays sampled, so geometry does not swamp the choice). */
function leafPaths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(v)) v.slice(0, 3).forEach((x, i) => leafPaths(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leafPaths(x, [...path, k], out);
  else out.push(path);
  return out;
}
const paths = leafPaths(saved).filter((p, i) => p[0] !== 'units' || p[2] !== 'geometry' || i % 20 === 0);
const hostile = fc.oneof(
  fc.constantFrom(-1, -1e308, 1e308, 0, 1e400 as number, '12', '', null, true, [], {}, '<img src=x onerror=alert(1)>'),
  fc.double(), fc.string(), fc.integer(),
);

describe('fuzzed project files', () => {
  it('are refused with a message, or give finite scores and positions', () => {
    let wronglyAccepted = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), hostile), { minLength: 1, maxLength: 3 }), (changes) => {
        const doc = structuredClone(saved);
        for (const [path, value] of changes) {
          let o = doc;
          for (const k of path.slice(0, -1)) o = o[k];
          o[path[path.length - 1]] = value;
        }
        let w;
        try {
          w = readProjectFile(JSON.stringify(doc));
        } catch (e) {
          expect((e as Error).message).toMatch(/^\S.*: \S/);
          return;
        }
        const s = w.scenarios[0];
        const score = scorePlan({ ...w.project.model, zones: s.zones, bases: s.bases }, { zoneOf: s.zoneOf }, w.settings);
        const ok = Number.isFinite(score.annualCost) && score.zones.every((z) => Number.isFinite(z.hours))
          && s.bases.every((b) => Number.isFinite(b.lon) && Number.isFinite(b.lat)) && Array.from(w.project.model.units.lon).every(Number.isFinite);
        if (!ok) wronglyAccepted++;
        expect(ok).toBe(true);
      }),
      { numRuns: RUNS, seed: 10 },
    );
    expect(wronglyAccepted).toBe(0);
  }, TIMEOUT);
});

describe('fuzzed users files', () => {
  const cell = fc.oneof(fc.constantFrom('LN2 1LJ', 'PE12 7DS', '7', '-3', '1e308', 'yes', '"', '""', ',', '\n', '\r\n', 'Señora'), fc.string({ maxLength: 8 }));
  const file = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }).map((rows) => ['id,postcode,weekly_hours', ...rows.map((r) => r.join(','))].join('\n'));

  it('are refused at a row, or every non-blank row is a record or has an error', () => {
    fc.assert(
      fc.property(file, (text) => {
        let table;
        try {
          table = readCsv(text);
        } catch (e) {
          expect(e).toBeInstanceOf(CsvRefused);
          expect((e as CsvRefused).row).toBeGreaterThanOrEqual(1);
          return;
        }
        const parsed = parseUsers(table, guessUserMapping(table.headers));
        const errorRows = new Set(parsed.problems.filter((p) => p.severity === 'error').map((p) => p.row));
        const recordRows = new Set(parsed.records.map((r) => r.row));
        table.rows.forEach((cells, i) => {
          if (isBlankRow(cells)) return;
          const row = spreadsheetRow(i);
          expect(recordRows.has(row) || errorRows.has(row), `row ${row}`).toBe(true);
        });
        for (const r of parsed.records) expect(r.weeklyHours >= 0 && r.weeklyHours <= 168).toBe(true);
      }),
      { numRuns: RUNS * 3, seed: 11 },
    );
  }, TIMEOUT);
});

describe('fuzzed rules files', () => {
  it('are refused with the rule named, or hold rules in range', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('balance', 'capacity', 'ruralShare', 'contiguous', 'candidateZones', 'disruption', 'balence'), fc.jsonValue()), (raw) => {
        let r;
        try {
          r = readRulesFile(raw);
        } catch (e) {
          expect((e as Error).message).toMatch(/^\S.*: \S/);
          return;
        }
        if (r.balance) expect(r.balance.tolerance >= 0 && r.balance.tolerance <= 1).toBe(true);
        if (r.candidateZones !== undefined) expect(Number.isInteger(r.candidateZones)).toBe(true);
      }),
      { numRuns: RUNS * 3, seed: 12 },
    );
  }, TIMEOUT);
});
