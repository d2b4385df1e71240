// Entry point: optimise(input) runs the cheap checks, fast mode (on merged
// cells for a large county, multilevel.ts) and (when asked) thorough mode from
// fast mode's plan, and returns a plan with its objective, bound, gap,
// timings, disruption and explanation. Pure TypeScript: runs in a worker, in
// node and in tests.
import { highsBackend } from '../lp/highs';
import type { LpBackend } from '../lp/types';
import type { Plan } from '../model';
import { seededRandom } from '../random';
import { DEFAULT_SCORE_SETTINGS } from '../score/settings';
import { DEFAULT_TRAVEL } from '../travel';
import { compareWithCurrent } from './compare';
import { contiguityConflicts, explainContiguityFailure } from './contiguityCheck';
import { ContiguityGuard } from './contiguity';
import { explainBinding, explainInfeasible, explainResidual, precheck } from './explain';
import { capacityNotes, linkNotes } from './modelNotes';
import { FAST_TRIES, gapPercent, type RunContext } from './fast';
import { runFastAtScale } from './multilevel';
import { buildProblem, unitPlan, type ZoningProblem } from './problem';
import { PlanState } from './planState';
import { PROVEN_GAP, runThorough } from './thorough';
import type { Conflict, OptimiseInput, OptimisePhase, OptimiseResult, OptimiseStatus } from './types';
import { verifyPlan, zonePieces } from './verify';

/** Default time limits, seconds: fast mode, and thorough mode as a whole. */
export const FAST_TIME_LIMIT = 30;
export const THOROUGH_TIME_LIMIT = 60;

/** What the optimiser minimises, as the result says it. */
export const OBJECTIVE_IN_WORDS =
  'It minimises travel from the bases: each unit’s weekly care hours times the road distance from its zone’s nearest base, summed (hour·km a week), within the rules. It does not count travel between visits.';

export async function optimise(input: OptimiseInput, backend?: LpBackend): Promise<OptimiseResult> {
  const t0 = performance.now();
  const lp = backend ?? (await highsBackend(input.highs));
  const timings: Record<string, number> = {};
  let last = t0;
  const thorough = input.mode === 'thorough';
  const limit = input.timeLimitSeconds ?? (thorough ? THOROUGH_TIME_LIMIT : FAST_TIME_LIMIT);
  // Thorough mode first runs fast mode exactly as fast mode would (with fast mode's own limit, however short
  // the thorough limit), so it starts from fast mode's plan on a loaded machine too and is never worse.
  const fastLimit = thorough ? FAST_TIME_LIMIT : limit;
  const ctx: RunContext = {
    rand: seededRandom(input.seed ?? 1),
    shouldStop: () => input.signal?.aborted === true,
    deadline: t0 + 1000 * fastLimit,
    timings,
    phase: (name: OptimisePhase, gap?: number) => {
      const now = performance.now();
      timings[name] = (timings[name] ?? 0) + (now - last);
      last = now;
      input.onProgress?.(name, gap);
    },
  };
  const finish = (r: Omit<OptimiseResult, 'timings'>): OptimiseResult => {
    ctx.phase('done');
    timings.total = performance.now() - t0;
    return { ...r, timings };
  };

  const settings = { ...(input.settings ?? DEFAULT_SCORE_SETTINGS), travel: input.travel ?? input.settings?.travel ?? DEFAULT_TRAVEL };
  const travel = { travel: settings.travel, travelMatrix: input.travelMatrix };
  const problem = buildProblem(input.model, input.current, input.rules, travel);
  ctx.phase('build');
  const early = [...precheck(problem), ...contiguityConflicts(problem)];
  if (early.length) return finish(unchanged(input, problem, 'infeasible', early, 'The rules contradict each other; nothing was optimised.'));
  if (ctx.shouldStop()) return finish(unchanged(input, problem, 'cancelled', [], 'Cancelled.'));

  const fast = runFastAtScale(problem, lp, ctx, FAST_TRIES);
  if (ctx.shouldStop()) return finish(unchanged(input, problem, 'cancelled', [], 'Cancelled.'));
  if (!fast.state) {
    const conflicts = fast.relaxation.status === 'infeasible' ? explainInfeasible(problem, lp) : [];
    const why = fast.relaxation.status === 'infeasible' ? 'No plan, even with units split between zones, keeps every rule.' : `The LP solver stopped: ${fast.relaxation.status}.`;
    return finish(unchanged(input, problem, 'infeasible', conflicts, why));
  }

  let state: PlanState = fast.state;
  let bound = fast.bound;
  // The objective is in explanation.objective; these are what the model assumes.
  const notes = [...problem.buildNotes, ...capacityNotes(problem), ...(problem.rules.contiguous ? linkNotes(input.model) : [])];
  const merged = fast.lpProblem !== problem;
  let boundNote = merged
    ? `The county has ${problem.cells.toLocaleString('en-GB')} units, so the LP was solved on ${fast.lpProblem.cells.toLocaleString('en-GB')} cells (units near the zone borders alone, the rest merged); the gap is against the Lagrangian bound of all the units at that LP's prices, which bounds every plan that keeps the rules.`
    : fast.relaxation.cuts.length > 0
      ? 'The gap is against the LP relaxation with contiguity cuts: it bounds every plan that keeps the rules.'
      : 'The gap is against the LP relaxation, which has no contiguity rule: it bounds every plan that keeps the other rules.';
  if (thorough) {
    ctx.deadline = t0 + 1000 * limit;
    const t = runThorough(problem, lp, fast, ctx);
    if (t) {
      if (t.state.objective < state.objective || !fast.feasible) state = t.state;
      bound = Math.max(bound, t.bound);
      if (t.rounds > 0) {
        boundNote = problem.rules.contiguous
          ? `The bound is proven by the HiGHS MIP (reduced-cost fixing against the LP, contiguity cuts, ${t.rounds} MIP solve${t.rounds === 1 ? '' : 's'}), for plans that keep every rule, contiguity included.`
          : 'The bound is proven by the HiGHS MIP (with reduced-cost fixing against the LP), for plans that keep every rule.';
      }
    }
  }
  notes.push(boundNote);
  if (ctx.shouldStop()) return finish(unchanged(input, problem, 'cancelled', [], 'Cancelled.'));

  // Recount from scratch rather than trust running totals.
  state = new PlanState(problem, state.cellZone);
  let plan = unitPlan(problem, state.cellZone);
  let check = verifyPlan(input.model, input.current, problem.rules, plan, travel);
  // A current plan that keeps every rule and travels less is the better proposal.
  const now = verifyPlan(input.model, input.current, problem.rules, input.current, travel);
  if (now.ok && now.objective < check.objective - 1e-6 * Math.max(1, now.objective)) {
    plan = { zoneOf: Int32Array.from(input.current.zoneOf) };
    check = now;
    notes.push('The current plan keeps every rule and no plan found travels less, so the proposal is the current plan.');
  }
  ctx.phase('verify');
  const guard = new ContiguityGuard(state);
  const inPieces = problem.rules.contiguous && !guard.allContiguous();
  // A current plan that keeps every rule stands, whatever the search left.
  if ((!state.feasible() || inPieces) && !check.ok) {
    const residual = [...(inPieces ? explainContiguityFailure(state, (z) => guard.pieces(z).length) : []), ...explainResidual(state)];
    return finish(unchanged(input, problem, 'infeasible', residual, 'The LP relaxation keeps every rule, but no plan of whole units was found that does.'));
  }
  // The plan itself is a feasible point, so a bound above it is rounding noise.
  bound = Math.min(bound, check.objective);
  const gap = gapPercent(check.objective, bound);
  let status: OptimiseStatus = thorough && gap < PROVEN_GAP ? 'optimal' : 'feasible';
  if (!check.ok) {
    status = 'infeasible';
    notes.push(`Not every rule holds: ${check.problems.join('; ')}.`);
  }
  const binding = explainBinding(fast.lpProblem, fast.relaxation);
  return finish({
    status,
    plan,
    objective: check.objective,
    bound,
    gapPercent: gap,
    contiguous: check.contiguous,
    movedUnits: check.movedUnits,
    movedUsers: check.movedUsers,
    movedHours: check.movedHours,
    explanation: {
      summary: `${Math.round(check.objective / 1000).toLocaleString('en-GB')} km of hours-weighted weekly travel, within ${gap.toFixed(3)}% of the bound${check.contiguous ? '' : '; some zones are in more than one piece'}.`,
      objective: OBJECTIVE_IN_WORDS,
      binding,
      conflicts: [],
      notes,
    },
    comparison: compareWithCurrent({ model: input.model, current: input.current, proposed: plan, rules: problem.rules, settings, travelMatrix: input.travelMatrix }),
  });
}

/** A result that keeps the current plan (infeasible or cancelled runs). */
function unchanged(
  input: OptimiseInput,
  problem: ZoningProblem,
  status: OptimiseStatus,
  conflicts: Conflict[],
  summary: string,
): Omit<OptimiseResult, 'timings'> {
  const plan: Plan = { zoneOf: Int32Array.from(input.current.zoneOf) };
  const objective = verifyPlan(input.model, input.current, problem.rules, plan, { travel: input.travel ?? input.settings?.travel, travelMatrix: input.travelMatrix }).objective;
  return {
    status,
    plan,
    objective,
    bound: -Infinity,
    gapPercent: Infinity,
    contiguous: zonePieces(input.model, plan).every((p) => p <= 1),
    movedUnits: 0,
    movedUsers: 0,
    movedHours: 0,
    explanation: { summary, objective: OBJECTIVE_IN_WORDS, binding: [], conflicts, notes: [] },
    comparison: null,
  };
}
