// Chooses which facilities to open for max-coverage, lexicographically (most demand served, then least Σ amount × km): a greedy start improved by vertex substitution, an exact transportation bound that settles the first level when the start meets it, HiGHS on the capacitated MCLP otherwise (Church and ReVelle 1974; Current and Storbeck 1988), then the distance level with served demand held at its optimum.
import type { Highs } from 'highs';
import { greedyOpenSet } from './coverage-greedy.js';
import { withHighs } from './coverage-highs.js';
import { evaluateOpenSet, improveOpenSet, isBetter, type PlanValue } from './coverage-local-search.js';
import { buildModel, runLevel, toDistanceLevel, type LevelOutcome } from './coverage-mclp-model.js';
import type { CoverageProblem } from './coverage-problem.js';

export interface OpenChoice {
  /** 1 for each facility the plan may use (designated ones included), by facility index. */
  readonly open: Uint8Array;
  readonly optimal: boolean;
  readonly gap: number;
  readonly gapOf: 'servedDemand' | 'weightedDistanceKm';
  readonly solver: string;
}

/** Relative gaps at which HiGHS may call a level optimal: far inside the 1e-6 the contract checks. */
const SERVED_GAP = 1e-9;
const DISTANCE_GAP = 1e-7;
/** Time kept back from timeLimitS for the work after the deadline: at most RESERVE_S, at most RESERVE_SHARE of the limit. */
const RESERVE_S = 1.5;
const RESERVE_SHARE = 0.1;
/** Share of the time limit the local search may use before the MIP starts. */
const SEARCH_SHARE = 0.25;

interface Incumbent {
  readonly open: Uint8Array;
  readonly value: PlanValue;
}

/**
 * The open set of an optimal (or, at the time limit, the best found) plan. Callers recompute
 * the flows for that set exactly; the MIP only decides which facilities are open.
 */
export async function chooseOpenFacilities(problem: CoverageProblem, started = performance.now()): Promise<OpenChoice> {
  // The limit is the caller's whole budget, counted from `started`: keep back what the last level's moment, HiGHS
  // overrunning its own limit (it checks the clock between nodes) and the exact flows take after the deadline.
  const reserveS = Math.min(RESERVE_S, RESERVE_SHARE * problem.params.timeLimitS);
  const deadline = started + (problem.params.timeLimitS - reserveS) * 1000;
  const { facilities, pairs } = problem;
  const designated = Uint8Array.from(facilities, (f) => (f.designated && !f.excluded ? 1 : 0));
  const reachable = new Set<number>(pairs.facility);
  const candidates = facilities.flatMap((_, j) => (reachable.has(j) ? [j] : []));
  // Designated facilities nobody can reach still take their place in the budget.
  const budget = (problem.params.open ?? 0) - facilities.filter((_, j) => designated[j] === 1 && !reachable.has(j)).length;
  if (candidates.length <= budget) {
    const open = Uint8Array.from(designated);
    for (const j of candidates) open[j] = 1;
    return { open, optimal: true, gap: 0, gapOf: 'weightedDistanceKm', solver: 'network simplex' };
  }

  // Serving from every reachable facility bounds what any open set can serve.
  const servedBound = evaluateOpenSet(problem, Uint8Array.from(facilities, (_, j) => (reachable.has(j) ? 1 : 0))).served;
  const searchUntil = () => Math.min(deadline, performance.now() + SEARCH_SHARE * (deadline - started));
  let best: Incumbent = improveOpenSet(problem, candidates, budget, greedyOpenSet(problem, candidates, budget, designated), searchUntil());

  return withHighs((highs) => {
    const model = buildModel(highs, problem, { pairCount: pairs.count, candidates, budget });
    const startFrom = (inc: Incumbent) => {
      const x = new Float64Array(pairs.count + candidates.length);
      x.set(inc.value.pairFlow);
      candidates.forEach((j, c) => {
        x[pairs.count + c] = inc.open[j];
      });
      model.setSolution({ colValue: x });
    };
    const secondsLeft = (floor: number) => Math.max(floor, (deadline - performance.now()) / 1000);
    try {
      if (best.value.served < servedBound * (1 - 1e-12) - 1e-12) {
        startFrom(best);
        const first = runLevel(highs, model, secondsLeft(0.1), SERVED_GAP);
        best = keepBetter(problem, best, openSetOf(first, designated, candidates, pairs.count));
        if (!first.optimal) {
          // HiGHS has no finite bound before its root LP; the all-open bound is always valid.
          const upper = Number.isFinite(first.bound) ? Math.min(first.bound, servedBound) : servedBound;
          const gap = best.value.served > 0 ? Math.max(0, upper - best.value.served) / best.value.served : 1;
          return { open: best.open, optimal: false, gap, gapOf: 'servedDemand', solver: solverName(highs) };
        }
        best = improveOpenSet(problem, candidates, budget, best.open, searchUntil());
      }
      toDistanceLevel(highs, model, problem, best.value.served);
      startFrom(best);
      // The second level always gets a moment, so its gap is known even when the first used the budget.
      const second = runLevel(highs, model, secondsLeft(0.1), DISTANCE_GAP);
      best = keepBetter(problem, best, openSetOf(second, designated, candidates, pairs.count));
      const d = best.value.distance;
      // Distances are never negative, so 0 stands in for a bound HiGHS has not proven yet.
      const gap = d > 0 ? (d - Math.min(d, Math.max(0, Number.isFinite(second.bound) ? second.bound : 0))) / d : 0;
      return { open: best.open, optimal: second.optimal, gap, gapOf: 'weightedDistanceKm', solver: solverName(highs) };
    } finally {
      model.dispose();
    }
  });
}

function openSetOf(level: LevelOutcome, designated: Uint8Array, candidates: readonly number[], pairCount: number): Uint8Array {
  const open = Uint8Array.from(designated);
  candidates.forEach((j, c) => {
    if (level.colValue[pairCount + c] > 0.5) open[j] = 1;
  });
  return open;
}

/** The MIP's set, evaluated exactly, unless the incumbent is better (HiGHS may reject a start at its tolerances). */
function keepBetter(problem: CoverageProblem, incumbent: Incumbent, open: Uint8Array): Incumbent {
  const value = evaluateOpenSet(problem, open);
  return isBetter(incumbent.value, value) ? incumbent : { open, value };
}

function solverName(highs: Highs): string {
  return `highs ${highs.version.string} (MIP) + network simplex`;
}
