// A cell plan with running zone totals, so the cost and rule violation of a
// move are known in O(1). Violation is measured in weekly hours (and users for
// a users-based disruption limit) by which the plan falls outside its bands.
import type { ZoningProblem } from './problem';

const EPS = 1e-7;

export class PlanState {
  readonly cellZone: Int32Array;
  readonly zoneHours: Float64Array;
  readonly zoneRural: Float64Array;
  readonly zoneCells: Int32Array;
  /** The cells of each zone, in no order (kept by move()). */
  readonly members: number[][];
  private readonly position: Int32Array;
  objective = 0;
  movedTotal = 0;

  constructor(
    readonly problem: ZoningProblem,
    cellZone: Int32Array,
  ) {
    this.cellZone = Int32Array.from(cellZone);
    this.zoneHours = new Float64Array(problem.zones);
    this.zoneRural = new Float64Array(problem.zones);
    this.zoneCells = new Int32Array(problem.zones);
    this.members = Array.from({ length: problem.zones }, () => []);
    this.position = new Int32Array(problem.cells);
    for (let c = 0; c < problem.cells; c++) {
      const z = this.cellZone[c];
      if (z < 0) continue;
      this.position[c] = this.members[z].length;
      this.members[z].push(c);
      this.zoneHours[z] += problem.hours[c];
      this.zoneRural[z] += problem.ruralHours[c];
      this.zoneCells[z]++;
      this.objective += problem.cost[c * problem.zones + z];
      this.movedTotal += problem.moved[c * problem.zones + z];
    }
  }

  /** How far zone z with hours h and rural hours r sits outside its bands. */
  zoneViolation(z: number, h: number, r: number): number {
    const b = this.problem.bands;
    if (!b.constrained[z]) return 0;
    let v = 0;
    if (h < b.lower[z]) v += b.lower[z] - h;
    if (h > b.upper[z]) v += h - b.upper[z];
    if (h > b.capacity[z]) v += h - b.capacity[z];
    if (r < b.ruralMin * h) v += b.ruralMin * h - r;
    if (r > b.ruralMax * h) v += r - b.ruralMax * h;
    return v;
  }

  disruptionViolation(moved: number): number {
    const rule = this.problem.rules.disruption;
    return rule && moved > rule.max ? moved - rule.max : 0;
  }

  violation(): number {
    let v = this.disruptionViolation(this.movedTotal);
    for (let z = 0; z < this.problem.zones; z++) v += this.zoneViolation(z, this.zoneHours[z], this.zoneRural[z]);
    return v;
  }

  feasible(): boolean {
    return this.violation() <= this.slack();
  }

  totalHours(): number {
    let s = 0;
    for (let z = 0; z < this.problem.zones; z++) s += this.zoneHours[z];
    return s;
  }

  costDelta(c: number, to: number): number {
    const Z = this.problem.zones;
    return this.problem.cost[c * Z + to] - this.problem.cost[c * Z + this.cellZone[c]];
  }

  /** Change in violation if cell c moved to zone `to`. */
  violationDelta(c: number, to: number): number {
    const p = this.problem;
    const from = this.cellZone[c];
    if (from === to) return 0;
    const h = p.hours[c];
    const r = p.ruralHours[c];
    const H = this.zoneHours;
    const R = this.zoneRural;
    let d =
      this.zoneViolation(from, H[from] - h, R[from] - r) -
      this.zoneViolation(from, H[from], R[from]) +
      this.zoneViolation(to, H[to] + h, R[to] + r) -
      this.zoneViolation(to, H[to], R[to]);
    if (p.rules.disruption) {
      const m = this.movedTotal - p.moved[c * p.zones + from] + p.moved[c * p.zones + to];
      d += this.disruptionViolation(m) - this.disruptionViolation(this.movedTotal);
    }
    return d;
  }

  move(c: number, to: number): void {
    const p = this.problem;
    const from = this.cellZone[c];
    if (from === to) return;
    this.objective += this.costDelta(c, to);
    this.movedTotal += p.moved[c * p.zones + to] - p.moved[c * p.zones + from];
    this.zoneHours[from] -= p.hours[c];
    this.zoneRural[from] -= p.ruralHours[c];
    this.zoneCells[from]--;
    this.zoneHours[to] += p.hours[c];
    this.zoneRural[to] += p.ruralHours[c];
    this.zoneCells[to]++;
    this.cellZone[c] = to;
    const list = this.members[from];
    const last = list.pop()!;
    if (last !== c) {
      list[this.position[c]] = last;
      this.position[last] = this.position[c];
    }
    this.position[c] = this.members[to].length;
    this.members[to].push(c);
  }

  /**
   * Tolerance below which a violation counts as none: 1e-7 of the mean zone's
   * hours in all, ten times inside the verifier's tolerance for any one zone.
   */
  slack(): number {
    return EPS * (1 + this.totalHours() / this.problem.zones);
  }
}
