// Building blocks for the schemas (valibot) of every file and settings object
// the program reads: numbers with their allowed range and unit, and one way of
// turning a failed check into "path: what is allowed, what was found".
// docs/decisions/0004-valibot.md says why valibot.
import * as v from 'valibot';

const shown = (x: unknown): string => {
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === 'number') return String(x);
  if (x === null || x === undefined) return String(x);
  return Array.isArray(x) ? 'a list' : typeof x === 'object' ? 'an object' : String(x);
};

const fmt = (x: number): string => (Math.abs(x) >= 10_000 ? x.toLocaleString('en-GB') : String(x));

/** "from 0 to 200 £/h" */
function rangeText(min: number, max: number, unit: string, exclusiveMin: boolean): string {
  const u = unit ? ` ${unit}` : '';
  if (max === Infinity) return exclusiveMin ? `above ${fmt(min)}${u}` : `at least ${fmt(min)}${u}`;
  return exclusiveMin ? `above ${fmt(min)} and at most ${fmt(max)}${u}` : `from ${fmt(min)} to ${fmt(max)}${u}`;
}

export interface RangeOptions {
  unit?: string;
  /** The minimum itself is not allowed (a speed must be above 0). */
  exclusiveMin?: boolean;
  integer?: boolean;
}

/** A finite number in [min, max] (or (min, max]); the message names the range and the value found. */
export function range(min: number, max: number, options: RangeOptions = {}) {
  const { unit = '', exclusiveMin = false, integer = false } = options;
  const allowed = `a ${integer ? 'whole ' : ''}number ${rangeText(min, max, unit, exclusiveMin)}`;
  const message = (issue: v.BaseIssue<unknown>) => `must be ${allowed}, found ${shown(issue.input)}`;
  return v.pipe(
    v.number(message),
    v.check((x) => Number.isFinite(x) && (exclusiveMin ? x > min : x >= min) && x <= max && (!integer || Number.isInteger(x)), message),
  );
}

/** A number that may also be null (e.g. an optional explicit rate). */
export const nullableRange = (min: number, max: number, options: RangeOptions = {}) => v.nullable(range(min, max, options));

/** Text (imported strings are kept as data, never markup). */
export const text = (maxLength = 10_000) =>
  v.pipe(
    v.string((issue) => `must be text, found ${shown(issue.input)}`),
    v.maxLength(maxLength, (issue) => `must be at most ${maxLength} characters, found ${(issue.input as string).length}`),
  );

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const plainObject = (example: string) =>
  v.custom<Record<string, unknown>>(isPlainObject, (issue) => `must be an object${example ? ` like ${example}` : ''}, found ${shown(issue.input)}`);

/** An object (not a list or null) with these fields; other fields are ignored. */
export const record = <E extends v.ObjectEntries>(entries: E, example = '') => v.pipe(plainObject(example), v.object(entries));

/** As record, but a field it does not know is an error (hand-written files, where a typo would be ignored). */
export const strictRecord = <E extends v.ObjectEntries>(entries: E, example = '') => v.pipe(plainObject(example), v.strictObject(entries));

/** A rule between two fields of an object, e.g. a minimum not above its maximum. */
export function ordered<T>(first: string[], second: string[], holds: (a: number, b: number) => boolean, relation: string) {
  const get = (o: unknown, path: string[]) => path.reduce((x, k) => (x as Record<string, unknown>)[k], o) as number;
  return v.check<T, (issue: v.CheckIssue<T>) => string>(
    (o) => holds(get(o, first), get(o, second)),
    (issue) => `${first.join('.')} (${get(issue.input, first)}) must ${relation} ${second.join('.')} (${get(issue.input, second)})`,
  );
}

export const flag = () => v.boolean((issue) => `must be true or false, found ${shown(issue.input)}`);

/** A field that older files may lack: the default fills it in. */
export function withDefault<S extends v.GenericSchema, D extends v.InferOutput<S>>(schema: S, fallback: D) {
  return v.optional(schema, () => structuredClone(fallback));
}

/** "settings.rates.urban" / "units[3].lon": where an issue is, as people read paths. */
export function issuePath(issue: v.BaseIssue<unknown>, root = ''): string {
  let out = root;
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || root || 'file';
}

/** One line per issue, "path: message", the first `max` of them. */
export function issueLines(issues: readonly v.BaseIssue<unknown>[], root = '', max = 10): string[] {
  const lines = issues.slice(0, max).map((i) => `${issuePath(i, root)}: ${messageOf(i)}`);
  if (issues.length > max) lines.push(`… and ${issues.length - max} more`);
  return lines;
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  // Object keys that are missing read better as "is missing" than "must be a number, found undefined".
  if (issue.input === undefined && issue.kind === 'schema') return 'is missing';
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'is not a known field';
  return issue.message;
}

export class SchemaError extends Error {
  constructor(
    readonly issues: readonly v.BaseIssue<unknown>[],
    readonly lines: string[],
  ) {
    super(lines.join('; '));
    this.name = 'SchemaError';
  }
}

/** Parses or throws a SchemaError whose message names each bad field and its allowed range. */
export function parseWith<S extends v.GenericSchema>(schema: S, value: unknown, root = ''): v.InferOutput<S> {
  const result = v.safeParse(schema, value, { abortEarly: false });
  if (result.success) return result.output;
  throw new SchemaError(result.issues, issueLines(result.issues, root));
}
