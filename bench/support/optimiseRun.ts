// One optimiser run in its own process (bench/optimise.bench.ts forks this
// file), so that its peak memory is its own: the county is built, optimised
// once, verified, and the figures are sent back to the parent.
import { cpus } from 'node:os';
import type { CountyModel, Plan } from '../../solver/model';
import { optimise } from '../../solver/optimise/optimise';
import { rulesFromSettings, type OptimiseRules } from '../../solver/optimise/rules';
import { verifyPlan } from '../../solver/optimise/verify';
import { DEFAULT_SCORE_SETTINGS } from '../../solver/score/settings';
import { syntheticCounty } from '../../solver/testing/syntheticCounty';
import { minutesPerMetre, unitZoneBaseMetres, type TravelSettings } from '../../solver/travel';
import { loadExampleCounty } from '../../test/support/exampleCounty';

export interface RunSpec {
  county: { example: 'lincolnshire' | 'norfolk' } | { units: number; zones: number };
  mode: 'fast' | 'thorough';
  contiguous: boolean;
  timeLimitSeconds?: number;
}

export interface RunFigures {
  status: string;
  verified: boolean;
  contiguous: boolean;
  objective: number;
  bound: number;
  gapPercent: number;
  /** Longest drive (minutes) from a unit with care to its zone's nearest base, by the shared travel function. */
  worstReachMinutes: number;
  ms: number;
  cpuMs: number;
  /** Peak resident memory of this process (county, optimiser and HiGHS), MB. */
  peakMB: number;
  timings: Record<string, number>;
}

/**
 * The synthetic ladder's rules: the setting, the same at every size (no reach or
 * zone-size rule, which the data would set); the example counties use the panel's defaults.
 */
const SYNTHETIC_RULES: Partial<OptimiseRules> = { balance: { tolerance: 0.2 }, ruralShare: { min: 0.1 }, capacity: true, reach: null, size: null };

function county(spec: RunSpec): { model: CountyModel; plan: Plan; rules: Partial<OptimiseRules> } {
  if ('units' in spec.county) {
    const { model, plan } = syntheticCounty({ units: spec.county.units, zones: spec.county.zones, seed: 1 });
    return { model, plan, rules: SYNTHETIC_RULES };
  }
  const { model, plan } = loadExampleCounty(spec.county.example);
  // The rules the panel and the CLI start from, so the bench measures the proposal a user gets.
  return { model, plan, rules: rulesFromSettings(DEFAULT_SCORE_SETTINGS, model, plan) };
}

/** Longest drive from a unit with care to its zone's nearest base, minutes. */
export function worstReachMinutes(model: CountyModel, plan: Plan, travel: TravelSettings): number {
  const zones = model.zones.length;
  const metres = unitZoneBaseMetres(model, travel);
  let worst = 0;
  for (let u = 0; u < model.units.count; u++) {
    const z = plan.zoneOf[u];
    if (z < 0 || (model.demand.hours[u] <= 0 && model.demand.waitingUsers[u] <= 0)) continue;
    const m = metres[u * zones + z];
    if (Number.isFinite(m)) worst = Math.max(worst, m * minutesPerMetre(model.units.rurality[u] as 0 | 1 | 2, travel));
  }
  return worst;
}

async function run(spec: RunSpec): Promise<RunFigures> {
  const { model, plan, rules: given } = county(spec);
  const rules = { ...given, contiguous: spec.contiguous };
  const travel = DEFAULT_SCORE_SETTINGS.travel;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await optimise({ model, current: plan, rules, travel, mode: spec.mode, timeLimitSeconds: spec.timeLimitSeconds, seed: 1 });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    status: r.status,
    verified: verifyPlan(model, plan, rules, r.plan, { travel }).ok,
    contiguous: r.contiguous,
    objective: r.objective,
    bound: r.bound,
    gapPercent: r.gapPercent,
    worstReachMinutes: worstReachMinutes(model, r.plan, travel),
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakMB: process.resourceUsage().maxRSS / 1024,
    timings: r.timings,
  };
}

if (process.send) {
  process.once('message', (spec: RunSpec) => {
    run(spec).then(
      (figures) => process.send!({ figures, cpus: cpus().length }, () => process.exit(0)),
      (e: unknown) => process.send!({ error: String(e instanceof Error ? e.stack : e) }, () => process.exit(1)),
    );
  });
}
