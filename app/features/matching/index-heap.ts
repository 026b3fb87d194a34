// A binary min-heap of node indices on typed arrays, ordered by (dist[node], node): the lower index wins a tie,
// which keeps the solver's phase 3 deterministic. `heapPos[node]` is the node's place in `heap`, so a node whose
// distance went down moves up in place (decrease-key). The caller owns the arrays and the size. Pure.

/** Moves the node at `pos` up to its place (after an insert at the end, or a lower distance). */
export function siftUp(heap: Int32Array, heapPos: Int32Array, dist: Float64Array, pos: number): void {
  const node = heap[pos]!;
  const d = dist[node]!;
  while (pos > 0) {
    const parent = (pos - 1) >> 1;
    const p = heap[parent]!;
    const dp = dist[p]!;
    if (!(d < dp || (d === dp && node < p))) break;
    heap[pos] = p;
    heapPos[p] = pos;
    pos = parent;
  }
  heap[pos] = node;
  heapPos[node] = pos;
}

/** Moves the node at `pos` down to its place (after the root was replaced by the last node). */
export function siftDown(heap: Int32Array, heapPos: Int32Array, dist: Float64Array, pos: number, size: number): void {
  const node = heap[pos]!;
  const d = dist[node]!;
  for (;;) {
    let child = 2 * pos + 1;
    if (child >= size) break;
    let c = heap[child]!;
    let dc = dist[c]!;
    const right = child + 1;
    if (right < size) {
      const rc = heap[right]!;
      const dr = dist[rc]!;
      if (dr < dc || (dr === dc && rc < c)) {
        child = right;
        c = rc;
        dc = dr;
      }
    }
    if (!(dc < d || (dc === d && c < node))) break;
    heap[pos] = c;
    heapPos[c] = pos;
    pos = child;
  }
  heap[pos] = node;
  heapPos[node] = pos;
}
