import { describe, expect, it } from "vitest";
import { siftDown, siftUp } from "./index-heap";

/** A heap over nodes 0…n−1 driven the way the solver drives it: insert, decrease-key, pop the minimum. */
function makeHeap(dist: number[]) {
  const d = Float64Array.from(dist);
  const heap = new Int32Array(dist.length);
  const heapPos = new Int32Array(dist.length);
  let size = 0;
  return {
    push(node: number) {
      heap[size] = node;
      heapPos[node] = size;
      size++;
      siftUp(heap, heapPos, d, size - 1);
    },
    lower(node: number, to: number) {
      d[node] = to;
      siftUp(heap, heapPos, d, heapPos[node]!);
    },
    pop(): number {
      const top = heap[0]!;
      size--;
      if (size > 0) {
        heap[0] = heap[size]!;
        heapPos[heap[0]!] = 0;
        siftDown(heap, heapPos, d, 0, size);
      }
      return top;
    },
    get size() {
      return size;
    },
  };
}

const drain = (h: ReturnType<typeof makeHeap>) => {
  const out: number[] = [];
  while (h.size > 0) out.push(h.pop());
  return out;
};

describe("index heap", () => {
  it.each([
    ["distinct distances", [5, 1, 4, 2, 3], [1, 3, 4, 2, 0]],
    ["ties go to the lower index", [2, 1, 2, 1, 2], [1, 3, 0, 2, 4]],
    ["infinite distances last, by index", [Infinity, 0, Infinity, 0], [1, 3, 0, 2]],
    ["one node", [7], [0]],
  ])("pops %s in (distance, index) order", (_what, dist, order) => {
    const h = makeHeap(dist);
    for (let node = dist.length - 1; node >= 0; node--) h.push(node);
    expect(drain(h)).toEqual(order);
  });

  it("moves a node up when its distance goes down (decrease-key)", () => {
    const h = makeHeap([10, 20, 30, 40]);
    [0, 1, 2, 3].forEach((n) => h.push(n));
    h.lower(3, 5);
    h.lower(2, 10); // ties node 0: the lower index first
    expect(drain(h)).toEqual([3, 0, 2, 1]);
  });

  it("agrees with a sort on a larger mixed sequence", () => {
    const dist = Array.from({ length: 200 }, (_, i) => (i * 7919) % 37);
    const h = makeHeap(dist);
    for (let n = 0; n < dist.length; n++) h.push(n);
    const expected = dist
      .map((d, n) => ({ d, n }))
      .sort((a, b) => a.d - b.d || a.n - b.n)
      .map((x) => x.n);
    expect(drain(h)).toEqual(expected);
  });
});
