// npm run optimise -- --users u.csv --bases b.csv --units units.geojson
//                     [--zones current.geojson|zones.csv] [--rules rules.json]
//                     [--lookup ONSPD.csv] [--mode fast|thorough] [--time-limit S]
//                     [--seed N] [--score-only] --out plan/
//                     [--settings settings.json] [--reach MIN|off] [--min-zone-hours H]
//                     [--balance PCT|off] [--defaults] [--centres centres.csv] [--problems FILE] [--strict]
// For analysts: the same import, scoring, optimiser and exports as the app, on
// any county's files. Exit codes: 0 done, 1 unusable input (nothing written),
// 2 bad arguments, 3 the rules cannot all be kept (the explanation says which
// and what to change), 4 done but rows were rejected (the files leave them out;
// the problems file lists them). --strict: any problem, even a warning, is exit 1.
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  completeRules,
  defaultsInWords,
  optimise,
  rulesFromSettings,
  rulesLabel,
  type OptimiseResult,
  type OptimiseRules,
  type PlanComparison,
} from '../../solver/optimise';
import { readRulesFile, RULES_FILE_SCHEMA, type RulesFile } from '../../solver/optimise/rulesSchema';
import { SchemaError } from '../../solver/schema';
import { rateMixWords, rateSchemeWords, scorePlan, type PlanScore, type ScoreSettings } from '../../solver/score';
import { readScoreSettings } from '../../solver/score/settingsSchema';
import { projectFromFiles, type ProjectFromFiles, type ZonesChoice } from '../import/projectFromFiles';
import { readBoundaries, type BoundaryInput } from '../import/boundaries';
import { guessUnitFields, idLikeProperties } from '../import/units';
import { CsvRefused, guessBaseMapping, guessUserMapping, readCsv } from '../import/csv';
import { decodeText } from '../import/encoding';
import { reportToCsv } from '../import/report';
import { guessZoneListMapping } from '../import/zones';
import { loadPostcodeLookup, type PostcodeLookup } from '../import/lookup';
import { parseFallback } from '../import/fallback';
import { csvText } from '../import/csvSafe';
import type { Problem } from '../import/problems';
import { scenarioFromModel, withAssignment } from '../model/scenario';
import { readCentres } from '../import/centres';
import { buildAllExports } from '../export/files';
import { shownReasons, unitFiguresShown } from '../export/privacy';
import { parseFlags, readArguments, UsageError, type CliIo } from './cliArgs';
import type { Project } from '../model/project';
import { asUnit, asZone } from '../../solver/model';

const USAGE = `usage: npm run optimise -- --users users.csv --bases bases.csv --units units.geojson --out plan/
  [--zones current.geojson | zones.csv]   current zones (a zone boundary file, or a list of postcode sectors/districts/unit ids per zone);
                                          without it the users' own zone column is used, if they have one
  [--rules rules.json]                    optimiser rules, e.g. {"balance": {"tolerance": 0.25}, "capacity": true, "lockedZones": ["5"]}
  [--lookup postcodes.csv]                ONSPD / NSPL / Code-Point Open CSV for exact postcode locations (else sector/district centres)
  [--settings settings.json]              scoring and travel settings (a settings object, or a project file saved by the app);
                                          what it leaves out takes its default. The optimiser measures travel with them
  [--reach minutes|off]                   longest drive from a zone's base to a unit with care (default: from the data)
  [--min-zone-hours h]                    smallest zone, weekly hours (default: viable for its providers)
  [--balance percent|off]                 zone hours within ±percent of the mean zone (default: from the data)
  [--defaults]                            print the rules the data gives, with the reason for each, and stop (writes nothing;
                                          --out not needed)
  [--mode fast|thorough] [--time-limit seconds] [--seed n]
  [--centres centres.csv]                 points distance bands are measured from (name, latitude, longitude), e.g. GP surgeries
  [--score-only]                          score the current zones without optimising
  [--problems FILE]                       where to write every import problem (default: beside the output folder, <out>-problems.csv;
                                          it holds row-level values such as postcodes, so it is kept out of the tender folder)
  [--strict]                              fail (exit 1, nothing written) on any problem, warnings included
exit codes: 0 done, 1 unusable input, 2 bad arguments, 3 rules that cannot all be kept, 4 done but rows were rejected,
            5 done but the zone outlines are not all valid`;

class InputError extends Error {
  constructor(message: string, readonly problems: Problem[] = []) {
    super(message);
  }
}

/** How many problems the terminal shows; the rest are in the problems file. */
const SHOWN_PROBLEMS = 10;

interface Options {
  users: string;
  bases?: string;
  units: string;
  zones?: string;
  rules?: string;
  centres?: string;
  lookup?: string;
  out: string;
  mode: 'fast' | 'thorough';
  timeLimit: number;
  seed: number;
  scoreOnly: boolean;
  /** Minutes, null for "off", undefined for the default. */
  reach?: number | null;
  minZoneHours?: number;
  /** ± percent, null for "off", undefined for the default. */
  balancePct?: number | null;
  settings?: string;
  defaultsOnly: boolean;
  problems: string;
  strict: boolean;
}

function options(argv: string[]): Options | null {
  const v = parseFlags(argv, {
    users: { type: 'string' }, bases: { type: 'string' }, units: { type: 'string' }, zones: { type: 'string' },
    rules: { type: 'string' }, settings: { type: 'string' }, centres: { type: 'string' }, lookup: { type: 'string' }, out: { type: 'string' }, mode: { type: 'string' },
    'time-limit': { type: 'string' }, seed: { type: 'string' }, 'score-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    reach: { type: 'string' }, 'min-zone-hours': { type: 'string' }, balance: { type: 'string' },
    defaults: { type: 'boolean' },
    problems: { type: 'string' }, strict: { type: 'boolean' },
  });
  if (v.help) return null;
  const defaultsOnly = Boolean(v.defaults);
  for (const k of ['users', 'units', 'out'] as const) if (!v[k] && !(k === 'out' && defaultsOnly)) throw new UsageError(`missing --${k}`);
  if (defaultsOnly && v['score-only']) throw new UsageError('--defaults and --score-only cannot be used together');
  const mode = v.mode ?? 'fast';
  if (mode !== 'fast' && mode !== 'thorough') throw new UsageError(`--mode must be fast or thorough, not "${mode}"`);
  const number = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const x = Number(text);
    if (!Number.isFinite(x) || x <= 0) throw new UsageError(`--${name} must be a positive number, not "${text}"`);
    return x;
  };
  return {
    users: v.users!, bases: v.bases, units: v.units!, zones: v.zones, rules: v.rules, centres: v.centres, lookup: v.lookup, out: v.out ?? '',
    mode, timeLimit: number('time-limit', v['time-limit'], 60), seed: number('seed', v.seed, 1), scoreOnly: Boolean(v['score-only']),
    reach: v.reach === undefined ? undefined : v.reach === 'off' ? null : number('reach', v.reach, 0),
    minZoneHours: v['min-zone-hours'] === undefined ? undefined : number('min-zone-hours', v['min-zone-hours'], 0),
    balancePct: v.balance === undefined ? undefined : v.balance === 'off' ? null : number('balance', v.balance, 0),
    settings: v.settings, defaultsOnly,
    problems: v.problems ?? `${(v.out ?? 'carezones').replace(/[\\/]+$/, '')}-problems.csv`, strict: Boolean(v.strict),
  };
}

/** Settings measuring distance bands from the centres in a CSV; rows that cannot be placed are reported. */
function withCentres(settings: ScoreSettings, path: string, io: CliIo): ScoreSettings {
  const { centres, problems } = readCentres(read(path).toString('utf8'));
  for (const p of problems) io.error(`${path}${p.row === null ? '' : ` row ${p.row}`}: ${p.message}${p.value ? ` (${p.value})` : ''}`);
  if (centres.length === 0) throw new InputError(`${path}: no centre could be read`);
  io.log(`${path}: ${centres.length} rate centres`);
  return { ...settings, rates: { ...settings.rates, centreSource: 'points', centres } };
}

function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Rules from JSON, checked by the rules schema; zones and units are named by id ("10") so a rules file survives re-imports. */
export function parseRules(text: string, project: Project, file = 'rules'): Partial<OptimiseRules> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  let parsed: RulesFile;
  try {
    parsed = readRulesFile(raw);
  } catch (e) {
    if (!(e instanceof SchemaError)) throw e;
    const known = Object.keys(RULES_FILE_SCHEMA.pipe[1].entries).join(', ');
    const unknown = e.lines.some((l) => l.endsWith('is not a known field'));
    throw new InputError(`${file}: ${e.lines.join('; ')}${unknown ? ` (the rules are: ${known})` : ''}`);
  }
  const { lockedZones, lockedUnits, ...rest } = parsed;
  // Partial weights are fine: completeRules fills the rest from the defaults.
  const rules = rest as Partial<OptimiseRules>;
  if (lockedZones) {
    rules.lockedZones = lockedZones.map((id) => {
      const z = project.model.zones.findIndex((zone) => zone.id === String(id));
      if (z < 0) throw new InputError(`${file}: lockedZones names zone "${id}", which is not one of ${project.model.zones.map((x) => x.id).join(', ')}`);
      return asZone(z);
    });
  }
  if (lockedUnits) {
    const index = new Map(project.model.units.ids.map((id, u) => [id, asUnit(u)]));
    rules.lockedUnits = lockedUnits.map((id) => {
      const u = index.get(String(id));
      if (u === undefined) throw new InputError(`${file}: lockedUnits names unit "${id}", which is not in the units file`);
      return u;
    });
  }
  return rules;
}

/** Settings from a settings JSON or a project file's settings, checked by the settings schema; gaps take defaults. */
export function parseSettings(text: string, file = 'settings'): ScoreSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const isProject = typeof raw === 'object' && raw !== null && 'settings' in raw;
  try {
    return readScoreSettings(isProject ? (raw as { settings: unknown }).settings : raw, isProject ? 'settings' : file);
  } catch (e) {
    if (e instanceof SchemaError) throw new InputError(`${file}: ${e.lines.join('; ')}`);
    throw e;
  }
}

const boundaryInput = (path: string): BoundaryInput => ({ name: basename(path), data: new Uint8Array(read(path)) });

/** Zones from a list CSV or a boundary file (columns and properties guessed), else the users' zone column. */
async function zonesChoice(path: string | undefined): Promise<ZonesChoice> {
  if (!path) return { kind: 'usersColumn' };
  if (/\.(csv|tsv|txt)$/i.test(path)) {
    const bytes = new Uint8Array(read(path));
    return { kind: 'list', name: basename(path), text: bytes, mapping: guessZoneListMapping(csvAt(path, bytes).headers) };
  }
  const file = boundaryInput(path);
  const guess = guessUnitFields(await readBoundaries(file));
  if (!guess.id) throw new InputError(`${path}: cannot tell which property is the zone id`);
  return { kind: 'boundary', file, fields: { id: guess.id, name: guess.name } };
}

/** The table of a CSV file, or the file's refusal (an unclosed quote) as unusable input. */
function csvAt(path: string, bytes: Uint8Array) {
  try {
    return readCsv(decodeText(bytes).text);
  } catch (e) {
    if (e instanceof CsvRefused) throw new InputError(`${path}: ${e.message}`, [{ file: basename(path), row: e.row, column: e.column, value: '', message: e.message, severity: 'error' }]);
    throw e;
  }
}

/** The unit id property: the guessed unique one, else an id-like one (its repeats are then reported). */
async function unitFields(file: BoundaryInput) {
  const boundaries = await readBoundaries(file);
  const guess = guessUnitFields(boundaries);
  return guess.id ? guess : { ...guess, id: idLikeProperties(boundaries)[0] ?? null };
}

const where = (p: Problem) => `${p.file}${p.row !== null ? ` row ${p.row}` : ''}${p.column ? `, column "${p.column}"` : ''}`;

/** The lookup's refused rows: the first ones by row and column, then how many more. */
function lookupProblems(lookup: PostcodeLookup): Problem[] {
  const more = lookup.stats.rowsRefused - lookup.problems.length;
  if (more <= 0) return lookup.problems;
  const file = lookup.problems[0].file;
  return [...lookup.problems, { file, row: null, column: '', value: '', message: `… and ${more.toLocaleString('en-GB')} more rows left out for the same reasons`, severity: 'warning' }];
}

/** The first problems on the terminal, every one in the problems file. */
function reportProblems(io: CliIo, problems: readonly Problem[], path: string): void {
  if (problems.length === 0) return;
  const errors = problems.filter((p) => p.severity === 'error');
  const shown = [...errors, ...problems.filter((p) => p.severity !== 'error')].slice(0, SHOWN_PROBLEMS);
  io.error(`${errors.length} errors and ${problems.length - errors.length} warnings; the first ${shown.length}${errors.length > 0 ? ', errors first' : ''}:`);
  for (const p of shown) io.error(`  ${p.severity} ${where(p)}: ${p.message}`);
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, reportToCsv({ problems: [...problems] }), 'utf8');
  io.error(`every problem is in ${resolve(path)} (it holds row-level values such as postcodes: keep it with the input files, not the tender files)`);
}

/** Errors that make the result untrustworthy as a whole: nothing is written. */
function fatalProblems(problems: readonly Problem[], unitsFile: string): Problem[] {
  return problems.filter((p) => p.severity === 'error' && (p.file === unitsFile || p.row === null));
}

function fallbackCentroids() {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = join(here, '..', '..', 'public', 'lookup');
  return parseFallback(readFileSync(join(dir, 'postcode-sectors.csv'), 'utf8'), readFileSync(join(dir, 'postcode-districts.csv'), 'utf8'));
}

/** Rules as summary.json gives them: zones and units by id, as a rules file names them. */
function rulesForSummary(project: Project, rules: OptimiseRules) {
  const { model } = project;
  return { ...rules, lockedZones: rules.lockedZones.map((z) => model.zones[z].id), lockedUnits: rules.lockedUnits.map((u) => model.units.ids[u]) };
}

/** The comparison as lines for the terminal: the summary, the rules today's zones break, a zone table. */
function comparisonLines(c: PlanComparison): string[] {
  const out = [c.summary];
  if (c.forcedBy.length) out.push(`Today's zones break the rules: ${c.forcedBy.join('; ')}.`);
  const f = (x: number | null, d = 0) => (x === null ? '-' : x.toFixed(d));
  const rows = [['zone', 'h/week', 'farthest min', 'mean km', 'pieces']];
  for (const z of c.zones) {
    rows.push([
      z.label,
      `${f(z.hours.before)} -> ${f(z.hours.after)}`,
      `${f(z.farthestMinutes.before === null ? null : Math.ceil(z.farthestMinutes.before))} -> ${f(z.farthestMinutes.after === null ? null : Math.ceil(z.farthestMinutes.after))}`,
      `${f(z.meanKm.before, 1)} -> ${f(z.meanKm.after, 1)}`,
      `${z.pieces.before} -> ${z.pieces.after}`,
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) out.push(`  ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')}`);
  return out;
}

/** Aggregates only: no postcodes, no row of any file, no figure about a unit of fewer than the privacy minimum of people. */
function summaryOf(project: Project, score: PlanScore, result: OptimiseResult | null, rules: OptimiseRules | null, imported: ProjectFromFiles, settings: ScoreSettings) {
  const { model } = project;
  return {
    status: result?.status ?? 'scored',
    rules: rules ? { label: rulesLabel(rules), ...rulesForSummary(project, rules) } : null,
    comparison: result?.comparison ?? null,
    objective: result ? { metreHoursPerWeek: result.objective, hourKmPerWeek: result.objective / 1000 } : null,
    lpBound: result ? { metreHoursPerWeek: result.bound, hourKmPerWeek: result.bound / 1000 } : null,
    gapPercent: result?.gapPercent ?? null,
    contiguous: result?.contiguous ?? null,
    moved: result ? { units: result.movedUnits, users: result.movedUsers, hours: result.movedHours } : null,
    timingsMs: result?.timings ?? null,
    explanation: result?.explanation ?? null,
    plan: {
      providerModel: { ...settings.providerModel, viableZones: score.zones.filter((z) => z.providers.viable).length },
      rateScheme: { scheme: score.rates.settings.scheme, description: rateSchemeWords(score.rates.settings, score.rates.distances?.centres.length ?? 0) },
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
      rateMixText: rateMixWords(z.rateMix),
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
      hours: unitFiguresShown({ model, settings }, f.unit) ? model.demand.hours[f.unit] : null,
      reasons: shownReasons({ model, settings }, f),
    })),
    import: {
      files: [imported.users, imported.bases].filter((r) => r !== null).map((r) => ({ file: r.file, ...r.counts })),
      errors: imported.problems.filter((p) => p.severity === 'error').length,
      warnings: imported.problems.filter((p) => p.severity === 'warning').length,
      notes: imported.notes,
    },
  };
}

export async function runOptimiseCli(argv: string[], io: CliIo = console): Promise<number> {
  const args = readArguments('optimise', USAGE, argv, io, options);
  if ('exit' in args) return args.exit;
  const opts = args.options;
  let problems: Problem[] = [];
  try {
    const lookup = opts.lookup ? await loadPostcodeLookup(createReadStream(opts.lookup), { file: opts.lookup }) : null;
    const usersBytes = new Uint8Array(read(opts.users));
    const basesBytes = opts.bases ? new Uint8Array(read(opts.bases)) : null;
    const unitsFile = boundaryInput(opts.units);
    const rulesText = opts.rules && !opts.scoreOnly ? read(opts.rules).toString('utf8') : null;
    const fromFile = opts.settings ? parseSettings(read(opts.settings).toString('utf8'), opts.settings) : readScoreSettings({});
    const settings = opts.centres ? withCentres(fromFile, opts.centres, io) : fromFile;
    const imported = await projectFromFiles({
      name: basename(opts.users).replace(/\.\w+$/, ''),
      units: { kind: 'boundary', file: unitsFile, fields: await unitFields(unitsFile) },
      users: { text: usersBytes, mapping: guessUserMapping(csvAt(opts.users, usersBytes).headers) },
      bases: basesBytes === null ? null : { text: basesBytes, mapping: guessBaseMapping(csvAt(opts.bases!, basesBytes).headers) },
      zones: await zonesChoice(opts.zones),
      sources: { lookup, fallback: fallbackCentroids() },
    }).catch((e: unknown) => {
      throw e instanceof CsvRefused ? new InputError(`${opts!.users}: ${e.message}`) : e;
    });
    problems = [...(lookup ? lookupProblems(lookup) : []), ...imported.problems];
    const { project } = imported;
    for (const r of [imported.users, imported.bases]) {
      if (!r) continue;
      const c = r.counts;
      io.log(`${r.file}: ${c.rowsImported} of ${c.rowsRead} rows imported, ${c.placedApproximately} placed approximately, ${c.errors} errors, ${c.warnings} warnings`);
    }
    io.log(`${imported.unitCount} units, ${imported.zoneCount} zones, ${imported.unassignedUnits} units in no zone`);
    const { model, plan } = project;
    const fatal = fatalProblems(problems, unitsFile.name);
    if (fatal.length > 0) throw new InputError(`${fatal.length} errors make the result untrustworthy, e.g. ${where(fatal[0])}: ${fatal[0].message}`);
    if (model.demand.hours.every((h) => h === 0)) throw new InputError(`${opts.users}: no service user could be placed in a unit`);
    if (model.zones.length === 0) throw new InputError('no zones: give --zones, or a users file with a zone column');
    if (imported.unassignedUnits === imported.unitCount) {
      throw new InputError(`${opts.zones ?? opts.users}: no unit is in any zone (the zones name no area of the units file)`);
    }
    if (opts.strict && problems.length > 0) throw new InputError(`--strict: ${problems.length} problems (errors and warnings) in the input`);

    let result: OptimiseResult | null = null;
    let rules: OptimiseRules | null = null;
    let finalPlan = plan;
    if (!opts.scoreOnly) {
      // What a rules file leaves out comes from the settings, as in the app.
      const given = rulesText === null ? {} : parseRules(rulesText, project, opts.rules);
      const flags: Partial<OptimiseRules> = {};
      if (opts.reach !== undefined) flags.reach = opts.reach === null ? null : { minutes: opts.reach };
      if (opts.minZoneHours !== undefined) flags.size = { min: opts.minZoneHours };
      if (opts.balancePct !== undefined) flags.balance = opts.balancePct === null ? null : { tolerance: opts.balancePct / 100 };
      rules = completeRules({ ...given, ...flags }, rulesFromSettings(settings, model, plan));
      io.log(`Rules: ${rulesLabel(rules)}.`);
      for (const line of defaultsInWords(settings, model, { ...given, ...flags })) io.log(`  ${line}`);
      if (opts.defaultsOnly) {
        reportProblems(io, problems, opts.problems);
        return 0;
      }
      result = await optimise({
        model, current: plan, rules, travel: settings.travel, settings, mode: opts.mode, timeLimitSeconds: opts.timeLimit, seed: opts.seed,
      });
      io.log(result.explanation.summary);
      io.log(result.explanation.objective);
      if (result.comparison) for (const line of comparisonLines(result.comparison)) io.log(line);
      if (result.status === 'infeasible' || result.status === 'cancelled') {
        for (const c of result.explanation.conflicts) io.error(`  ${c.message}${c.fix ? ` ${c.fix}` : ''}`);
        reportProblems(io, problems, opts.problems);
        return 3;
      }
      finalPlan = result.plan;
    }
    const score = scorePlan(model, finalPlan, settings, { baseline: plan });
    const scenario = withAssignment(scenarioFromModel(model, plan, 'cli', result && rules ? `Optimised${opts.mode === 'thorough' ? ' (thorough)' : ''}: ${rulesLabel(rules)}` : 'Current zones'), finalPlan.zoneOf);

    mkdirSync(opts.out, { recursive: true });
    const written: string[] = [];
    const write = (name: string, text: string) => {
      writeFileSync(join(opts!.out, name), text, 'utf8');
      written.push(name);
    };
    const exports = buildAllExports(project, scenario, settings);
    for (const f of exports) write(f.name, f.text);
    const invalid = exports.flatMap((f) => f.warnings.map((w) => `${f.name}: ${w}`));
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
    write('summary.json', JSON.stringify(summaryOf(project, score, result, rules, imported, settings), null, 2) + '\n');
    io.log(`wrote ${written.length} files to ${resolve(opts.out)}: ${written.join(', ')}`);
    reportProblems(io, problems, opts.problems);
    const rejected = problems.some((p) => p.severity === 'error');
    if (rejected) io.error('exit 4: the files were written, but rows with errors are left out of them (listed above)');
    if (rejected) return 4;
    for (const w of invalid) io.error(`  warning ${w}`);
    if (invalid.length > 0) io.error('exit 5: the files were written, but the zone outlines are not all valid (listed above)');
    return invalid.length > 0 ? 5 : 0;
  } catch (e) {
    io.error(`carezones optimise: ${(e as Error).message}`);
    const all = e instanceof InputError && e.problems.length > 0 ? [...e.problems, ...problems] : problems;
    reportProblems(io, all, opts.problems);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runOptimiseCli(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
