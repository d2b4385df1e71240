// Maximum flow (Dinic) on a small directed graph with real capacities, and the
// source side of a minimum cut. The reach checks use it as a transportation
// test: can every hour of care reach a zone with room for it?

const EPS = 1e-9;

export class FlowGraph {
  private head: number[];
  private to: number[] = [];
  private next: number[] = [];
  private cap: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  /** Adds an arc from -> to of capacity `capacity` (Infinity allowed); returns its index. */
  addArc(from: number, to: number, capacity: number): number {
    const e = this.to.length;
    this.push(from, to, capacity);
    this.push(to, from, 0);
    return e;
  }

  private push(from: number, to: number, capacity: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  /** Flow carried by arc e (as returned by addArc) after maxFlow. */
  flowOn(e: number): number {
    return this.cap[e ^ 1];
  }

  maxFlow(s: number, t: number): number {
    let total = 0;
    const level = new Int32Array(this.nodes);
    const it = new Int32Array(this.nodes);
    const queue = new Int32Array(this.nodes);
    for (;;) {
      level.fill(-1);
      level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const u = queue[qh++];
        for (let e = this.head[u]; e >= 0; e = this.next[e]) {
          if (this.cap[e] > EPS && level[this.to[e]] < 0) {
            level[this.to[e]] = level[u] + 1;
            queue[qt++] = this.to[e];
          }
        }
      }
      if (level[t] < 0) return total;
      for (let v = 0; v < this.nodes; v++) it[v] = this.head[v];
      for (;;) {
        const f = this.augment(s, t, Infinity, level, it);
        if (f <= EPS) break;
        total += f;
      }
    }
  }

  private augment(u: number, t: number, limit: number, level: Int32Array, it: Int32Array): number {
    if (u === t) return limit;
    for (; it[u] >= 0; it[u] = this.next[it[u]]) {
      const e = it[u];
      const v = this.to[e];
      if (this.cap[e] <= EPS || level[v] !== level[u] + 1) continue;
      const f = this.augment(v, t, Math.min(limit, this.cap[e]), level, it);
      if (f > EPS) {
        this.cap[e] -= f;
        this.cap[e ^ 1] += f;
        return f;
      }
    }
    return 0;
  }

  /** After maxFlow: 1 for nodes still reachable from s in the residual graph (the source side of a minimum cut). */
  sourceSide(s: number): Uint8Array {
    const seen = new Uint8Array(this.nodes);
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const u = stack.pop()!;
      for (let e = this.head[u]; e >= 0; e = this.next[e]) {
        const v = this.to[e];
        if (!seen[v] && this.cap[e] > EPS) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return seen;
  }
}
