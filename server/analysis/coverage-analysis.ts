// One entry point for coverage analysis (issue 5): validates the request, decides the open facilities (all available ones for min-distance, a lexicographic capacitated MCLP for max-coverage), computes the exact lexicographic transportation optimum over them, and reports named records.
import { chooseOpenFacilities, type OpenChoice } from './coverage-mclp.js';
import { coverageProblem, type CoverageProblem } from './coverage-problem.js';
import { solveTransport, type TransportSolution } from './coverage-transport.js';
import type { CoverageAssignment, CoverageFacilityLoad, CoverageRequest, CoverageResult, CoverageUnmet } from './coverage-types.js';

/**
 * Solves a coverage request. min-distance always comes back optimal; max-coverage is optimal
 * unless `timeLimitS` stops the MIP, in which case `gap` bounds the level named by `gapOf`.
 * Throws a CoverageInputError for input the contract refuses.
 */
export async function coverageAnalysis(request: CoverageRequest): Promise<CoverageResult> {
  // timeLimitS bounds the whole call, validation and the pair table included, not only the MIP.
  const started = performance.now();
  const problem = coverageProblem(request);
  const choice: OpenChoice =
    problem.params.objective === 'min-distance'
      ? { open: Uint8Array.from(problem.facilities, (f) => (f.excluded ? 0 : 1)), optimal: true, gap: 0, gapOf: 'weightedDistanceKm', solver: 'network simplex' }
      : await chooseOpenFacilities(problem, started);
  const flows = solveTransport(problem, (j) => choice.open[j] === 1);
  return report(problem, choice, flows);
}

function report(problem: CoverageProblem, choice: OpenChoice, flows: TransportSolution): CoverageResult {
  const { demand, facilities, pairs, params } = problem;
  const totalDemand = demand.reduce((s, d) => s + d.amount, 0);
  // Flows below this are rounding left by the pivots, not clients.
  const tiny = 1e-12 * Math.max(1, totalDemand);
  const load = new Float64Array(facilities.length);
  const assignments: CoverageAssignment[] = [];
  let servedDemand = 0;
  let weightedDistanceKm = 0;
  for (let p = 0; p < pairs.count; p++) {
    const amount = flows.pairFlow[p];
    if (amount <= tiny) continue;
    const j = pairs.facility[p];
    const distanceKm = pairs.km[p];
    assignments.push({ demandId: demand[pairs.demand[p]].id, facilityId: facilities[j].id, amount, distanceKm });
    load[j] += amount;
    servedDemand += amount;
    weightedDistanceKm += amount * distanceKm;
  }
  const unmet: CoverageUnmet[] = demand.flatMap((d, i) => (flows.unmet[i] > tiny ? [{ demandId: d.id, amount: flows.unmet[i] }] : []));
  const minDistance = params.objective === 'min-distance';
  const facilityLoads: CoverageFacilityLoad[] = facilities.map((f, j) => ({
    id: f.id,
    open: minDistance ? !f.excluded : (f.designated && !f.excluded) || load[j] > 0,
    load: load[j],
    capacity: f.capacity,
  }));
  return {
    assignments,
    unmet,
    facilities: facilityLoads,
    totalDemand,
    servedDemand,
    weightedDistanceKm,
    optimal: choice.optimal,
    gap: choice.gap,
    gapOf: choice.gapOf,
    solver: choice.solver,
    params,
  };
}
