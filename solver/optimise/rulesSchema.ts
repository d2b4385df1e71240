// A rules file as analysts write it for the CLI (rules.json): every rule
// optional, each checked with its range; a rule this program does not know is
// an error, so a typo never silently drops a rule. Zones and units are named
// by id (text or number), so a rules file survives a re-import; the CLI turns
// them into indices. Adding a rule to OptimiseRules: one line here (the key
// check below fails to compile until it has one).
import * as v from 'valibot';
import { flag, parseWith, range, strictRecord } from '../schema';
import type { OptimiseRules } from './rules';

const share = range(0, 1);
const id = v.union([v.string(), v.number()], (i) => `must be an id (text or a number), found ${JSON.stringify(i.input)}`);
const ids = v.array(id, (i) => `must be a list of ids, found ${JSON.stringify(i.input)}`);
/** A rule that is an object, or null to turn it off. */
const objectOrNull = <E extends v.ObjectEntries>(entries: E, example: string) => v.nullable(strictRecord(entries, `${example} (or null to turn the rule off)`));

export const RULES_FILE_SCHEMA = strictRecord({
  assignAll: v.optional(flag()),
  balance: v.optional(objectOrNull({ tolerance: share, targets: v.optional(v.array(range(0, 1e7, { unit: 'h/week' }))) }, '{"tolerance": 0.2}')),
  capacity: v.optional(flag()),
  ruralShare: v.optional(objectOrNull({ min: v.optional(share), max: v.optional(share) }, '{"min": 0.1, "max": 0.8}')),
  lockedUnits: v.optional(ids),
  lockedZones: v.optional(ids),
  disruption: v.optional(objectOrNull({ max: range(0, 1e9), measure: v.picklist(['users', 'hours'], (i) => `must be "users" or "hours", found ${JSON.stringify(i.input)}`) }, '{"max": 200, "measure": "users"}')),
  wholeTowns: v.optional(v.union([flag(), v.array(range(0, 1e6, { integer: true }))], (i) => `must be true, false or a list of town numbers, found ${JSON.stringify(i.input)}`)),
  contiguous: v.optional(flag()),
  baseUnitsStay: v.optional(flag()),
  weights: v.optional(strictRecord({ compactness: v.optional(range(0, 1000)), disruptionKmPerHour: v.optional(range(0, 1e6, { unit: 'km per hour moved' })) })),
  candidateZones: v.optional(range(1, 100, { integer: true })),
  size: v.optional(objectOrNull({ min: range(0, 1e7, { unit: 'h/week' }), max: v.optional(range(0, 1e7, { unit: 'h/week' })) }, '{"min": 250, "max": 1000}')),
  reach: v.optional(objectOrNull({ minutes: range(0, 600, { unit: 'minutes', exclusiveMin: true }) }, '{"minutes": 45}')),
});

export type RulesFile = v.InferOutput<typeof RULES_FILE_SCHEMA>;

// Every rule the optimiser knows can be written in a rules file, and no other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyRuleHasALine: Same<keyof RulesFile, keyof OptimiseRules> = true;
void everyRuleHasALine;

/** A parsed rules file; throws a SchemaError naming each bad rule and what is allowed. */
export function readRulesFile(value: unknown): RulesFile {
  return parseWith(RULES_FILE_SCHEMA, value);
}
