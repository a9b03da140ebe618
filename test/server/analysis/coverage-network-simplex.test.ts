// The lexicographic network simplex on hand-worked networks (Ahuja, Magnanti and Orlin 1993, ch. 11): star starts, capacity-bound pivots, and a primary cost that no secondary cost can outweigh.
import { describe, expect, it } from 'vitest';
import { networkSimplex, type StarNetwork } from '../../../server/analysis/coverage-network-simplex';

interface ArcSpec {
  from: number;
  to: number;
  cap?: number;
  primary?: number;
  secondary?: number;
  flow?: number;
}

function network(nodeCount: number, root: number, arcs: ArcSpec[], rootArcs: number[]): StarNetwork {
  return {
    nodeCount,
    root,
    source: Int32Array.from(arcs, (a) => a.from),
    target: Int32Array.from(arcs, (a) => a.to),
    capacity: Float64Array.from(arcs, (a) => a.cap ?? Infinity),
    primaryCost: Float64Array.from(arcs, (a) => a.primary ?? 0),
    secondaryCost: Float64Array.from(arcs, (a) => a.secondary ?? 0),
    flow: Float64Array.from(arcs, (a) => a.flow ?? 0),
    rootArc: Int32Array.from(rootArcs),
  };
}

describe('networkSimplex', () => {
  it('serves all 4 units of s, 3 through a (cost 2 each) and 1 through b (cost 5): secondary cost 11', () => {
    // Nodes: s=0, a=1, b=2, sink=3 (root). Star: s→sink "unmet" (primary 1) carries the 4 units; a→sink and b→sink cap 3.
    const net = network(
      4,
      3,
      [
        { from: 0, to: 3, primary: 1, flow: 4 },
        { from: 1, to: 3, cap: 3 },
        { from: 2, to: 3, cap: 3 },
        { from: 0, to: 1, secondary: 2 },
        { from: 0, to: 2, secondary: 5 },
      ],
      [0, 1, 2, -1],
    );
    const { flow } = networkSimplex(net);
    expect([...flow]).toEqual([0, 3, 1, 3, 1]);
  });

  it('still serves when the only route costs 1e15 in the secondary level (no big-M weight to overflow)', () => {
    const net = network(
      3,
      2,
      [
        { from: 0, to: 2, primary: 1, flow: 7 },
        { from: 1, to: 2, cap: 5 },
        { from: 0, to: 1, secondary: 1e15 },
      ],
      [0, 1, -1],
    );
    const { flow } = networkSimplex(net);
    // 5 units fit through node 1; the other 2 stay on the unmet arc.
    expect([...flow]).toEqual([2, 5, 5]);
  });

  it('re-routes along a cycle: two sources compete for a near, small sink and a far, large one', () => {
    // s1=0 (3 units), s2=1 (3 units), near=2 (cap 3), far=3 (cap 10), sink=4.
    // s1 reaches near at 1 and far at 2; s2 reaches near at 1 and far at 10.
    // Optimum: s2 takes near (3 × 1), s1 takes far (3 × 2) = 9; the greedy opposite costs 3 + 30 = 33.
    const net = network(
      5,
      4,
      [
        { from: 0, to: 4, primary: 1, flow: 3 },
        { from: 1, to: 4, primary: 1, flow: 3 },
        { from: 2, to: 4, cap: 3 },
        { from: 3, to: 4, cap: 10 },
        { from: 0, to: 2, secondary: 1 },
        { from: 0, to: 3, secondary: 2 },
        { from: 1, to: 2, secondary: 1 },
        { from: 1, to: 3, secondary: 10 },
      ],
      [0, 1, 2, 3, -1],
    );
    const { flow } = networkSimplex(net);
    expect(flow[4]).toBe(0);
    expect(flow[5]).toBe(3);
    expect(flow[6]).toBe(3);
    expect(flow[7]).toBe(0);
  });

  it('refuses a start that is not a star around the root, and fractional primary costs', () => {
    const bad = network(3, 2, [{ from: 0, to: 1 }, { from: 1, to: 2 }], [0, 1, -1]);
    expect(() => networkSimplex(bad)).toThrow(/rootArc\[0\]/);
    const fractional = network(2, 1, [{ from: 0, to: 1, primary: 0.5 }], [0, -1]);
    expect(() => networkSimplex(fractional)).toThrow(/whole number/);
  });
});
