// What a caller (Web Worker, CLI, test) hands the optimiser and gets back.
import type { CountyModel, HoursPerWeek, Plan, ZoneIndex } from '../model';
import type { HighsLoadOptions } from '../lp/highs';
import type { TravelMatrix, TravelSettings } from '../travel';
import type { ScoreSettings } from '../score/settings';
import type { PlanComparison } from './compare';
import type { OptimiseRules } from './rules';

export type { TravelMatrix } from '../travel';

/** AbortSignal-like: the optimiser polls `aborted` between phases and inside loops. */
export interface CancelFlag {
  readonly aborted: boolean;
}

export type OptimisePhase = 'build' | 'lp' | 'round' | 'repair' | 'contiguity' | 'local-search' | 'mip' | 'verify' | 'done';

export interface OptimiseInput {
  model: CountyModel;
  /** The plan in force: the start, the reference for disruption, and what locks keep. */
  current: Plan;
  rules?: Partial<OptimiseRules>;
  /**
   * fast: LP + rounding + repair + local search. thorough: fast mode's plan, then
   * the rest of the time limit improving it (a MIP on small problems, chain search).
   */
  mode?: 'fast' | 'thorough';
  /**
   * Wall-clock budget, seconds: fast mode stops searching and returns its best
   * plan (default 30); a thorough run as a whole (default 60) uses all of it
   * unless it proves its plan optimal; its fast part runs as fast mode does, with fast
   * mode's default limit, so a thorough run takes at least as long as a fast one.
   */
  timeLimitSeconds?: number;
  /** Same seed, same plan (default 1). */
  seed?: number;
  /** The user's travel settings (circuity, speeds), as scoring uses them; default DEFAULT_TRAVEL. */
  travel?: TravelSettings;
  travelMatrix?: TravelMatrix;
  /** The user's settings, for the comparison's costs (and travel, when `travel` is not given). */
  settings?: ScoreSettings;
  /** Where to load highs.wasm from (browser workers). */
  highs?: HighsLoadOptions;
  onProgress?: (phase: OptimisePhase, gapPercent?: number) => void;
  signal?: CancelFlag;
}

export type OptimiseStatus =
  /** Every rule kept and the plan proven optimal (gap ~ 0, thorough mode). */
  | 'optimal'
  /** Every rule kept. */
  | 'feasible'
  /**
   * No plan keeping every rule was found: see the explanation. `plan` is the
   * current plan, or (when only contiguity failed) the best plan found.
   */
  | 'infeasible'
  | 'cancelled';

export interface PhaseTimings {
  [phase: string]: number;
}

export interface BindingRule {
  rule: 'balance-upper' | 'balance-lower' | 'capacity' | 'rural-min' | 'rural-max' | 'disruption';
  zone?: ZoneIndex;
  /** km of weekly travel saved per unit of relaxation (per 100 h, per percentage point, per 100 users/h). */
  kmSaved: number;
  message: string;
}

export interface Conflict {
  rule: string;
  message: string;
  /** The smallest change found that makes the rules satisfiable (by the LP relaxation when so stated). */
  fix?: string;
}

export interface Explanation {
  summary: string;
  /** What the optimiser minimised, in words. */
  objective: string;
  binding: BindingRule[];
  conflicts: Conflict[];
  notes: string[];
}

export interface OptimiseResult {
  status: OptimiseStatus;
  plan: Plan;
  /** Hours-weighted road metres from each unit's zone base (plus weighted penalties), metre·hours per week. */
  objective: number;
  /**
   * Lower bound on the objective of any plan keeping the rules. Fast mode: the
   * LP relaxation, with the contiguity cuts found for it (none: it ignores
   * contiguity). Thorough mode: the MIP with those and further cuts. Cuts only
   * remove non-contiguous plans, so either bound holds for contiguous plans.
   */
  bound: number;
  /** 100 * (objective - bound) / objective. */
  gapPercent: number;
  /** ms per phase, and `total`. */
  timings: PhaseTimings;
  contiguous: boolean;
  movedUnits: number;
  movedUsers: number;
  movedHours: HoursPerWeek;
  explanation: Explanation;
  /** The plan against the current one (null when the run kept the current plan: infeasible or cancelled). */
  comparison: PlanComparison | null;
}
