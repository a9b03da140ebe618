// The capacitated maximal covering MIP in HiGHS (Church and ReVelle 1974; Current and Storbeck 1988): x_ij served along allowed pairs, binary y_j open, Σ_j x_ij ≤ d_i, Σ_i x_ij ≤ c_j·y_j, the strong variable upper bounds x_ij ≤ min(d_i, c_j)·y_j, Σ y_j ≤ open, designated y_j = 1; first level maximises Σ x.
import type { Highs, Model } from 'highs';
import type { CoverageProblem } from './coverage-problem.js';

export interface MipModel {
  readonly pairCount: number;
  /** Facility index of each y column, in column order after the pair columns. */
  readonly candidates: readonly number[];
  readonly budget: number;
}

/** The first-level model (maximise served demand); the caller owns and must dispose it. */
export function buildModel(highs: Highs, problem: CoverageProblem, mip: MipModel) {
  const { pairs, demand, facilities } = problem;
  const yCol = new Map(mip.candidates.map((j, k) => [j, mip.pairCount + k]));
  const numCols = mip.pairCount + mip.candidates.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowUpper: number[] = [];
  const endRow = (upper: number) => {
    starts.push(indices.length);
    rowUpper.push(upper);
  };
  const byFacility = mip.candidates.map((): number[] => []);
  const candidateOf = new Map(mip.candidates.map((j, c) => [j, c]));
  for (let i = 0; i < demand.length; i++) {
    if (pairs.start[i] === pairs.start[i + 1]) continue;
    for (let p = pairs.start[i]; p < pairs.start[i + 1]; p++) {
      indices.push(p);
      values.push(1);
      byFacility[candidateOf.get(pairs.facility[p]) ?? -1].push(p);
    }
    endRow(demand[i].amount);
  }
  mip.candidates.forEach((j, c) => {
    for (const p of byFacility[c]) {
      indices.push(p);
      values.push(1);
    }
    indices.push(yCol.get(j) ?? -1);
    values.push(-facilities[j].capacity);
    endRow(0);
  });
  for (let p = 0; p < pairs.count; p++) {
    const j = pairs.facility[p];
    const bound = Math.min(demand[pairs.demand[p]].amount, facilities[j].capacity);
    if (bound >= facilities[j].capacity) continue; // implied by the capacity row
    indices.push(p, yCol.get(j) ?? -1);
    values.push(1, -bound);
    endRow(0);
  }
  mip.candidates.forEach((j) => {
    indices.push(yCol.get(j) ?? -1);
    values.push(1);
  });
  endRow(mip.budget);

  const numRows = rowUpper.length;
  const colCost = new Float64Array(numCols);
  colCost.fill(1, 0, mip.pairCount);
  const colUpper = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  for (let p = 0; p < pairs.count; p++) colUpper[p] = demand[pairs.demand[p]].amount;
  mip.candidates.forEach((j, c) => {
    colUpper[mip.pairCount + c] = 1;
    colLower[mip.pairCount + c] = facilities[j].designated ? 1 : 0;
  });
  const integrality = new Int32Array(numCols);
  integrality.fill(highs.constants.variableType.integer, mip.pairCount);
  return highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower,
    colUpper,
    rowLower: new Float64Array(numRows).fill(-highs.infinity),
    rowUpper,
    matrix: { format: 'csr', numRows, numCols, starts, indices, values },
    integrality,
  });
}

export interface LevelOutcome {
  readonly optimal: boolean;
  readonly colValue: Float64Array;
  readonly objective: number;
  /** Proven bound on the level's optimum (an upper bound when maximising served, a lower one for distance). */
  readonly bound: number;
}

/** Runs one level within `timeLimitS`; a time-limited run still returns its incumbent and proven bound. */
export function runLevel(highs: Highs, model: Model, timeLimitS: number, relGap: number): LevelOutcome {
  model.zeroAllClocks();
  // Presolve off: on large models its reductions ran for minutes without checking the time limit, and it bought nothing here.
  model.options.set({ output_flag: false, presolve: 'off', time_limit: Math.max(0.01, timeLimitS), mip_rel_gap: relGap, random_seed: 0 });
  model.run();
  const status = model.getModelStatus();
  const limited = status === highs.constants.modelStatus.timeLimit || status === highs.constants.modelStatus.interrupted;
  if (status !== highs.constants.modelStatus.optimal && !limited) throw new Error(`HiGHS stopped with model status ${status}`);
  if (Number(model.info.get('primal_solution_status')) !== highs.constants.solutionStatus.feasible) {
    throw new Error('HiGHS found no feasible solution, although opening only the designated facilities always is one');
  }
  return {
    optimal: status === highs.constants.modelStatus.optimal,
    colValue: model.getSolution().colValue,
    objective: model.getObjectiveValue(),
    bound: Number(model.info.get('mip_dual_bound')),
  };
}

/**
 * Turns the solved first level into the second: served demand held at its optimum (less a
 * relative 1e-7 so rounding cannot make the row infeasible), then minimise Σ amount × km.
 */
export function toDistanceLevel(highs: Highs, model: Model, problem: CoverageProblem, servedOptimum: number): void {
  const { pairs } = problem;
  const floor = servedOptimum - 1e-7 * Math.max(1, servedOptimum);
  model.addRow(floor, highs.infinity, { indices: Int32Array.from({ length: pairs.count }, (_, p) => p), values: new Float64Array(pairs.count).fill(1) });
  model.changeColsCost({ kind: 'range', from: 0, to: pairs.count - 1 }, pairs.km);
  model.changeObjectiveSense(highs.constants.objectiveSense.minimize);
}
