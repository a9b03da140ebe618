// Capacitated transportation problem over the allowed pairs (Hitchcock 1941) as a min-cost flow to one sink with an "unmet" arc per demand point, solved exactly by the lexicographic network simplex: first most demand served, then least Σ amount × km.
import { networkSimplex } from './coverage-network-simplex.js';
import type { AllowedPairs, DemandSite, FacilitySite } from './coverage-pairs.js';

export interface TransportInput {
  readonly demand: readonly DemandSite[];
  readonly facilities: readonly FacilitySite[];
  readonly pairs: AllowedPairs;
}

export interface TransportSolution {
  /** Amount sent along each allowed pair (0 for pairs to closed facilities). */
  readonly pairFlow: Float64Array;
  /** Demand left unserved at each demand point. */
  readonly unmet: Float64Array;
  readonly pivots: number;
}

/**
 * Exact optimum over the facilities `isOpen` accepts. Nodes: demand points, facilities, and a
 * sink; the starting tree sends all demand along the unmet arcs (primary cost 1), so it is
 * feasible without artificial arcs.
 */
export function solveTransport(input: TransportInput, isOpen: (facility: number) => boolean): TransportSolution {
  const nd = input.demand.length;
  const nf = input.facilities.length;
  const sink = nd + nf;
  const { pairs } = input;
  const usedPairs: number[] = [];
  for (let p = 0; p < pairs.count; p++) if (isOpen(pairs.facility[p])) usedPairs.push(p);

  const m = usedPairs.length + nd + nf;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const capacity = new Float64Array(m);
  const primaryCost = new Float64Array(m);
  const secondaryCost = new Float64Array(m);
  const flow = new Float64Array(m);
  const rootArc = new Int32Array(sink + 1).fill(-1);

  usedPairs.forEach((p, e) => {
    source[e] = pairs.demand[p];
    target[e] = nd + pairs.facility[p];
    capacity[e] = Infinity;
    secondaryCost[e] = pairs.km[p];
  });
  const unmetArc = usedPairs.length;
  for (let i = 0; i < nd; i++) {
    const e = unmetArc + i;
    source[e] = i;
    target[e] = sink;
    capacity[e] = Infinity;
    primaryCost[e] = 1;
    flow[e] = input.demand[i].amount;
    rootArc[i] = e;
  }
  const facilityArc = unmetArc + nd;
  for (let j = 0; j < nf; j++) {
    const e = facilityArc + j;
    source[e] = nd + j;
    target[e] = sink;
    capacity[e] = isOpen(j) ? input.facilities[j].capacity : 0;
    rootArc[nd + j] = e;
  }

  const result = networkSimplex({ nodeCount: sink + 1, root: sink, source, target, capacity, primaryCost, secondaryCost, flow, rootArc });
  const pairFlow = new Float64Array(pairs.count);
  usedPairs.forEach((p, e) => {
    pairFlow[p] = Math.max(0, result.flow[e]);
  });
  const unmet = new Float64Array(nd);
  for (let i = 0; i < nd; i++) unmet[i] = Math.max(0, result.flow[unmetArc + i]);
  return { pairFlow, unmet, pivots: result.pivots };
}
