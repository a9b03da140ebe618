// Greedy start for max-coverage: open, one at a time, the facility that can take the most still-unserved demand within reach (the greedy add heuristic for the maximal covering problem, Church and ReVelle 1974), serving nearest demand first.
import type { CoverageProblem } from './coverage-problem.js';

/**
 * Adds facilities from `candidates` to `open` (which holds the designated ones) until
 * `budget` candidates are open or no further facility can serve anyone. Returns a new mask;
 * the exact flows for it come from the transportation solver.
 */
export function greedyOpenSet(problem: CoverageProblem, candidates: readonly number[], budget: number, open: Uint8Array): Uint8Array {
  const { pairs, demand, facilities } = problem;
  const chosen = Uint8Array.from(open);
  const residual = Float64Array.from(demand, (d) => d.amount);
  const reach = new Map<number, number[]>(candidates.map((j) => [j, []]));
  for (let p = 0; p < pairs.count; p++) reach.get(pairs.facility[p])?.push(p);
  for (const list of reach.values()) list.sort((a, b) => pairs.km[a] - pairs.km[b]);

  const serve = (j: number) => {
    let room = facilities[j].capacity;
    for (const p of reach.get(j) ?? []) {
      if (room <= 0) break;
      const i = pairs.demand[p];
      const take = Math.min(room, residual[i]);
      residual[i] -= take;
      room -= take;
    }
  };
  let count = 0;
  for (const j of candidates) {
    if (chosen[j] === 1) {
      serve(j);
      count++;
    }
  }
  while (count < budget) {
    let best = -1;
    let bestGain = 0;
    for (const j of candidates) {
      if (chosen[j] === 1) continue;
      let reachable = 0;
      for (const p of reach.get(j) ?? []) reachable += residual[pairs.demand[p]];
      const gain = Math.min(facilities[j].capacity, reachable);
      if (gain > bestGain) {
        bestGain = gain;
        best = j;
      }
    }
    if (best < 0) break;
    chosen[best] = 1;
    serve(best);
    count++;
  }
  return chosen;
}
