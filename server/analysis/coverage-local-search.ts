// Improves an open set for max-coverage by vertex substitution (Teitz and Bart 1968): fill the budget, then swap an open facility for a nearby closed one whenever the exact transportation optimum gets lexicographically better (more served, then less Σ amount × km); it gives the MIP a strong incumbent.
import type { CoverageProblem } from './coverage-problem.js';
import { pairDistanceKm } from './coverage-pairs.js';
import { solveTransport } from './coverage-transport.js';

/** The two levels of the objective for one open set, from the exact transportation solve. */
export interface PlanValue {
  readonly served: number;
  readonly distance: number;
  readonly pairFlow: Float64Array;
}

/** Closed facilities tried as replacements for each open one. */
const NEIGHBOURS = 25;

export function evaluateOpenSet(problem: CoverageProblem, open: Uint8Array): PlanValue {
  const { pairFlow } = solveTransport(problem, (j) => open[j] === 1);
  let served = 0;
  let distance = 0;
  for (let p = 0; p < pairFlow.length; p++) {
    served += pairFlow[p];
    distance += pairFlow[p] * problem.pairs.km[p];
  }
  return { served, distance, pairFlow };
}

/** Strictly better on the lexicographic objective, ignoring differences at rounding level. */
export function isBetter(a: PlanValue, b: PlanValue): boolean {
  const servedTol = 1e-9 * Math.max(1, Math.abs(b.served));
  if (a.served > b.served + servedTol) return true;
  if (a.served < b.served - servedTol) return false;
  return a.distance < b.distance - 1e-9 * Math.max(1, Math.abs(b.distance));
}

function nearestCandidates(problem: CoverageProblem, candidates: readonly number[]): Map<number, number[]> {
  const { facilities } = problem;
  return new Map(
    candidates.map((j) => {
      const byDistance = candidates
        .filter((k) => k !== j)
        .map((k) => ({ k, km: pairDistanceKm(facilities[j].at, facilities[k].at, 1) }))
        .sort((a, b) => a.km - b.km);
      return [j, byDistance.slice(0, NEIGHBOURS).map((e) => e.k)];
    }),
  );
}

/**
 * Local optimum reachable from `start` by additions (while fewer than `budget` candidates are
 * open) and single swaps, or the best set found when `deadline` (a performance.now() time) passes.
 * Designated facilities never close.
 */
export function improveOpenSet(
  problem: CoverageProblem,
  candidates: readonly number[],
  budget: number,
  start: Uint8Array,
  deadline: number,
): { open: Uint8Array; value: PlanValue } {
  const { facilities } = problem;
  const open = Uint8Array.from(start);
  let value = evaluateOpenSet(problem, open);
  let count = candidates.filter((j) => open[j] === 1).length;

  // Opening one more facility never hurts, so fill the budget with the best addition each time.
  while (count < budget && performance.now() < deadline) {
    let best: { j: number; value: PlanValue } | null = null;
    for (const j of candidates) {
      if (performance.now() >= deadline) break;
      if (open[j] === 1) continue;
      open[j] = 1;
      const v = evaluateOpenSet(problem, open);
      open[j] = 0;
      if (best === null || isBetter(v, best.value)) best = { j, value: v };
    }
    if (best === null) break;
    open[best.j] = 1;
    value = best.value;
    count++;
  }

  if (performance.now() >= deadline) return { open, value };
  const near = nearestCandidates(problem, candidates);
  let improved = true;
  while (improved && performance.now() < deadline) {
    improved = false;
    for (const j of candidates) {
      if (open[j] !== 1 || (facilities[j].designated && !facilities[j].excluded)) continue;
      open[j] = 0;
      let swapped = false;
      for (const k of near.get(j) ?? []) {
        if (performance.now() >= deadline) break;
        if (open[k] === 1) continue;
        open[k] = 1;
        const v = evaluateOpenSet(problem, open);
        if (isBetter(v, value)) {
          value = v;
          swapped = true;
          break;
        }
        open[k] = 0;
      }
      if (swapped) improved = true;
      else open[j] = 1;
    }
  }
  return { open, value };
}
