// npm run optimise -- --users u.csv --bases b.csv --units units.geojson
//                     [--zones current.geojson|zones.csv] [--rules rules.json]
//                     [--lookup ONSPD.csv] [--mode fast|thorough] [--time-limit S]
//                     [--seed N] [--score-only] --out plan/
// For analysts: the same import, scoring, optimiser and exports as the app, on
// any county's files. Exit codes: 0 done, 1 unusable input, 2 bad arguments,
// 3 the rules cannot all be kept (the explanation says which and what to change).
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { completeRules, optimise, rulesFromSettings, type OptimiseResult, type OptimiseRules } from '../../solver/optimise';
import { DEFAULT_SCORE_SETTINGS, scorePlan, type PlanScore } from '../../solver/score';
import { projectFromFiles, type ZonesChoice } from '../import/projectFromFiles';
import { readBoundaries, type BoundaryInput } from '../import/boundaries';
import { guessUnitFields } from '../import/units';
import { guessBaseMapping, guessUserMapping, readCsv } from '../import/csv';
import { guessZoneListMapping } from '../import/zones';
import { loadPostcodeLookup } from '../import/lookup';
import { parseFallback } from '../import/fallback';
import { csvText } from '../import/csvSafe';
import type { Problem } from '../import/problems';
import { scenarioFromModel, withAssignment } from '../model/scenario';
import { buildAllExports } from '../export/files';
import type { Project } from '../model/project';

const USAGE = `usage: npm run optimise -- --users users.csv --bases bases.csv --units units.geojson --out plan/
  [--zones current.geojson | zones.csv]   current zones (a zone boundary file, or a list of postcode sectors/districts/unit ids per zone);
                                          without it the users' own zone column is used, if they have one
  [--rules rules.json]                    optimiser rules, e.g. {"balance": {"tolerance": 0.25}, "capacity": true, "lockedZones": ["5"]}
  [--lookup postcodes.csv]                ONSPD / NSPL / Code-Point Open CSV for exact postcode locations (else sector/district centres)
  [--mode fast|thorough] [--time-limit seconds] [--seed n]
  [--score-only]                          score the current zones without optimising`;

export interface CliIo {
  log(line: string): void;
  error(line: string): void;
}

class UsageError extends Error {}
class InputError extends Error {}

interface Options {
  users: string;
  bases?: string;
  units: string;
  zones?: string;
  rules?: string;
  lookup?: string;
  out: string;
  mode: 'fast' | 'thorough';
  timeLimit: number;
  seed: number;
  scoreOnly: boolean;
}

function options(argv: string[]): Options | null {
  let v;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      options: {
        users: { type: 'string' }, bases: { type: 'string' }, units: { type: 'string' }, zones: { type: 'string' },
        rules: { type: 'string' }, lookup: { type: 'string' }, out: { type: 'string' }, mode: { type: 'string' },
        'time-limit': { type: 'string' }, seed: { type: 'string' }, 'score-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (v.help) return null;
  for (const k of ['users', 'units', 'out'] as const) if (!v[k]) throw new UsageError(`missing --${k}`);
  const mode = v.mode ?? 'fast';
  if (mode !== 'fast' && mode !== 'thorough') throw new UsageError(`--mode must be fast or thorough, not "${mode}"`);
  const number = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const x = Number(text);
    if (!Number.isFinite(x) || x <= 0) throw new UsageError(`--${name} must be a positive number, not "${text}"`);
    return x;
  };
  return {
    users: v.users!, bases: v.bases, units: v.units!, zones: v.zones, rules: v.rules, lookup: v.lookup, out: v.out!,
    mode, timeLimit: number('time-limit', v['time-limit'], 60), seed: number('seed', v.seed, 1), scoreOnly: Boolean(v['score-only']),
  };
}

function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Rules from JSON; zones may be named by id ("10") so a rules file survives re-imports. */
export function parseRules(text: string, project: Project, file = 'rules'): Partial<OptimiseRules> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(`${file}: expected a JSON object of rules`);
  const known = new Set(Object.keys(rulesFromSettings(DEFAULT_SCORE_SETTINGS, project.model)));
  const rules = { ...(raw as Record<string, unknown>) };
  for (const key of Object.keys(rules)) if (!known.has(key)) throw new InputError(`${file}: unknown rule "${key}" (known: ${[...known].join(', ')})`);
  if (rules.lockedZones !== undefined) {
    if (!Array.isArray(rules.lockedZones)) throw new InputError(`${file}: lockedZones must be a list of zone ids`);
    rules.lockedZones = rules.lockedZones.map((id) => {
      const z = project.model.zones.findIndex((zone) => zone.id === String(id));
      if (z < 0) throw new InputError(`${file}: lockedZones names zone "${id}", which is not one of ${project.model.zones.map((x) => x.id).join(', ')}`);
      return z;
    });
  }
  if (rules.lockedUnits !== undefined) {
    if (!Array.isArray(rules.lockedUnits)) throw new InputError(`${file}: lockedUnits must be a list of unit ids`);
    const index = new Map(project.model.units.ids.map((id, u) => [id, u]));
    rules.lockedUnits = rules.lockedUnits.map((id) => {
      const u = index.get(String(id));
      if (u === undefined) throw new InputError(`${file}: lockedUnits names unit "${id}", which is not in the units file`);
      return u;
    });
  }
  return rules as Partial<OptimiseRules>;
}

const boundaryInput = (path: string): BoundaryInput => ({ name: basename(path), data: new Uint8Array(read(path)) });

/** Zones from a list CSV or a boundary file (columns and properties guessed), else the users' zone column. */
async function zonesChoice(path: string | undefined): Promise<ZonesChoice> {
  if (!path) return { kind: 'usersColumn' };
  if (/\.(csv|tsv|txt)$/i.test(path)) {
    const text = read(path).toString('utf8');
    return { kind: 'list', name: basename(path), text, mapping: guessZoneListMapping(readCsv(text).headers) };
  }
  const file = boundaryInput(path);
  const guess = guessUnitFields(await readBoundaries(file));
  if (!guess.id) throw new InputError(`${path}: cannot tell which property is the zone id`);
  return { kind: 'boundary', file, fields: { id: guess.id, name: guess.name } };
}

function fallbackCentroids() {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = join(here, '..', '..', 'public', 'lookup');
  return parseFallback(readFileSync(join(dir, 'postcode-sectors.csv'), 'utf8'), readFileSync(join(dir, 'postcode-districts.csv'), 'utf8'));
}

function summaryOf(project: Project, score: PlanScore, result: OptimiseResult | null, problems: Problem[], notes: string[]) {
  const { model } = project;
  return {
    status: result?.status ?? 'scored',
    objective: result ? { metreHoursPerWeek: result.objective, hourKmPerWeek: result.objective / 1000 } : null,
    lpBound: result ? { metreHoursPerWeek: result.bound, hourKmPerWeek: result.bound / 1000 } : null,
    gapPercent: result?.gapPercent ?? null,
    contiguous: result?.contiguous ?? null,
    moved: result ? { units: result.movedUnits, users: result.movedUsers, hours: result.movedHours } : null,
    timingsMs: result?.timings ?? null,
    explanation: result?.explanation ?? null,
    plan: {
      annualCost: score.annualCost,
      extraRuralHours: score.extraRuralHours,
      extraRuralUpliftCost: score.extraRuralUpliftCost,
      travel: score.travel,
      visitTravel: score.visitTravel,
      hoursSpread: score.hoursSpread,
      ruralShareSpread: score.ruralShareSpread,
      unassigned: score.unassigned,
      townsSplit: score.townsSplit,
      warnings: score.warnings.map((w) => w.message),
    },
    zones: score.zones.map(({ warnings, centreOfWork: _c, ...z }) => ({
      id: model.zones[z.zone].id,
      name: model.zones[z.zone].name,
      ...z,
      difficulty: score.difficulty[z.zone].difficulty,
      difficultyRank: score.difficulty[z.zone].rank,
      difficultyReasons: score.difficulty[z.zone].reasons,
      warnings: warnings.map((w) => w.message),
    })),
    extraRural: score.extraRural.flags.map((f) => ({
      unit: model.units.ids[f.unit],
      name: model.units.names[f.unit],
      score: f.score,
      newArea: f.newArea,
      hours: model.demand.hours[f.unit],
      reasons: f.reasons,
    })),
    import: { problems, notes },
  };
}

export async function runOptimiseCli(argv: string[], io: CliIo = console): Promise<number> {
  let opts: Options | null;
  try {
    opts = options(argv);
  } catch (e) {
    io.error(`carezones optimise: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!opts) {
    io.log(USAGE);
    return 0;
  }
  try {
    const lookup = opts.lookup ? await loadPostcodeLookup(createReadStream(opts.lookup)) : null;
    const usersText = read(opts.users).toString('utf8');
    const basesText = opts.bases ? read(opts.bases).toString('utf8') : null;
    const unitsFile = boundaryInput(opts.units);
    const fields = guessUnitFields(await readBoundaries(unitsFile));
    const imported = await projectFromFiles({
      name: basename(opts.users).replace(/\.\w+$/, ''),
      units: { kind: 'boundary', file: unitsFile, fields },
      users: { text: usersText, mapping: guessUserMapping(readCsv(usersText).headers) },
      bases: basesText === null ? null : { text: basesText, mapping: guessBaseMapping(readCsv(basesText).headers) },
      zones: await zonesChoice(opts.zones),
      sources: { lookup, fallback: fallbackCentroids() },
    });
    const { project } = imported;
    for (const r of [imported.users, imported.bases]) {
      if (!r) continue;
      const c = r.counts;
      io.log(`${r.file}: ${c.rowsImported} of ${c.rowsRead} rows imported, ${c.placedApproximately} placed approximately, ${c.errors} errors, ${c.warnings} warnings`);
    }
    io.log(`${imported.unitCount} units, ${imported.zoneCount} zones, ${imported.unassignedUnits} units in no zone`);
    const { model, plan } = project;
    if (model.demand.hours.every((h) => h === 0)) throw new InputError(`${opts.users}: no service user could be placed in a unit`);
    if (model.zones.length === 0) throw new InputError('no zones: give --zones, or a users file with a zone column');

    const settings = DEFAULT_SCORE_SETTINGS;
    let result: OptimiseResult | null = null;
    let finalPlan = plan;
    if (!opts.scoreOnly) {
      // What a rules file leaves out comes from the settings, as in the app.
      const given = opts.rules ? parseRules(read(opts.rules).toString('utf8'), project, opts.rules) : {};
      const rules = completeRules(given, rulesFromSettings(settings, model, plan));
      result = await optimise({
        model, current: plan, rules, travel: settings.travel, mode: opts.mode, timeLimitSeconds: opts.timeLimit, seed: opts.seed,
      });
      io.log(result.explanation.summary);
      if (result.status === 'infeasible' || result.status === 'cancelled') {
        for (const c of result.explanation.conflicts) io.error(`  ${c.message}${c.fix ? ` ${c.fix}` : ''}`);
        return 3;
      }
      finalPlan = result.plan;
    }
    const score = scorePlan(model, finalPlan, settings, { baseline: plan });
    const scenario = withAssignment(scenarioFromModel(model, plan, 'cli', result ? `Optimised (${opts.mode})` : 'Current zones'), finalPlan.zoneOf);

    mkdirSync(opts.out, { recursive: true });
    const written: string[] = [];
    const write = (name: string, text: string) => {
      writeFileSync(join(opts!.out, name), text, 'utf8');
      written.push(name);
    };
    for (const f of buildAllExports(project, scenario, settings)) write(f.name, f.text);
    write(
      'unit-zones.csv',
      csvText(
        ['unit_id', 'unit_name', 'zone_id', 'zone_name'],
        model.units.ids.map((id, u) => {
          const z = finalPlan.zoneOf[u];
          return [id, model.units.names[u], z >= 0 ? model.zones[z].id : '', z >= 0 ? model.zones[z].name : ''];
        }),
      ),
    );
    write('summary.json', JSON.stringify(summaryOf(project, score, result, imported.problems, imported.notes), null, 2) + '\n');
    io.log(`wrote ${written.length} files to ${resolve(opts.out)}: ${written.join(', ')}`);
    return 0;
  } catch (e) {
    io.error(`carezones optimise: ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runOptimiseCli(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
