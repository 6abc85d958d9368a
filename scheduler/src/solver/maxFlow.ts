/**
 * Dinic's maximum flow on a small adjacency-array graph. Capacities of edges can be changed
 * between runs and the flow continued, which the fairness bound uses to raise per-lawyer
 * limits in two phases.
 */
export class FlowGraph {
  private head: number[];
  private to: number[] = [];
  private next: number[] = [];
  private cap: number[] = [];
  private level: Int32Array;
  private iter: Int32Array;

  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
    this.level = new Int32Array(nodes);
    this.iter = new Int32Array(nodes);
  }

  /** Adds an edge and its residual twin; returns the edge's index. */
  addEdge(from: number, to: number, capacity: number): number {
    const e = this.to.length;
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.next.push(this.head[from], this.head[to]);
    this.head[from] = e;
    this.head[to] = e + 1;
    return e;
  }

  /** Flow currently on edge `e`. */
  flow(e: number): number {
    return this.cap[e + 1];
  }

  /** Sets the capacity of edge `e` (flow already on it is kept; it must not exceed the new capacity). */
  setCapacity(e: number, capacity: number): void {
    this.cap[e] = capacity - this.cap[e + 1];
  }

  /** Removes all flow, keeping capacities. */
  reset(): void {
    for (let e = 0; e < this.cap.length; e += 2) {
      this.cap[e] += this.cap[e + 1];
      this.cap[e + 1] = 0;
    }
  }

  maxFlow(source: number, sink: number): number {
    let total = 0;
    while (this.bfs(source, sink)) {
      this.iter.set(Int32Array.from(this.head));
      for (let f = this.dfs(source, sink, Infinity); f > 0; f = this.dfs(source, sink, Infinity)) total += f;
    }
    return total;
  }

  private bfs(source: number, sink: number): boolean {
    this.level.fill(-1);
    const queue = [source];
    this.level[source] = 0;
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h];
      for (let e = this.head[v]; e >= 0; e = this.next[e]) {
        const w = this.to[e];
        if (this.cap[e] > 0 && this.level[w] < 0) {
          this.level[w] = this.level[v] + 1;
          queue.push(w);
        }
      }
    }
    return this.level[sink] >= 0;
  }

  private dfs(v: number, sink: number, pushed: number): number {
    if (v === sink) return pushed;
    for (; this.iter[v] >= 0; this.iter[v] = this.next[this.iter[v]]) {
      const e = this.iter[v];
      const w = this.to[e];
      if (this.cap[e] <= 0 || this.level[w] !== this.level[v] + 1) continue;
      const f = this.dfs(w, sink, Math.min(pushed, this.cap[e]));
      if (f > 0) {
        this.cap[e] -= f;
        this.cap[e ^ 1] += f;
        return f;
      }
    }
    return 0;
  }
}
