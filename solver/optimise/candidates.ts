// Which zones each free cell is offered in the LP: its k cheapest zones plus the
// zone it is in now. Column generation adds any other zone that would pay, so
// this is a speed choice, not a restriction on the answer.
import { FREE, type ZoningProblem } from './problem';
import type { Candidates } from './zoningLp';

/** Below this many cell-zone pairs every allowed zone is offered. */
const ALL_ZONES_UP_TO = 20_000;

export function nearestCandidates(problem: ZoningProblem, k: number): Candidates {
  const { cells, zones, cost } = problem;
  const everything = cells * zones <= ALL_ZONES_UP_TO;
  const out: Candidates = [];
  const order = Array.from({ length: zones }, (_, z) => z);
  for (let c = 0; c < cells; c++) {
    if (problem.fixedZone[c] !== FREE) {
      out.push([]);
      continue;
    }
    const allowed = order.filter((z) => Number.isFinite(cost[c * zones + z]));
    allowed.sort((a, b) => cost[c * zones + a] - cost[c * zones + b] || a - b);
    const chosen = everything ? allowed : allowed.slice(0, k);
    const start = problem.startZone[c];
    if (start >= 0 && Number.isFinite(cost[c * zones + start]) && !chosen.includes(start)) chosen.push(start);
    out.push(chosen);
  }
  return out;
}

export function allCandidates(problem: ZoningProblem): Candidates {
  return nearestCandidates(problem, problem.zones);
}
