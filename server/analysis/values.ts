// Validation and moments of the values a local statistic analyses (population moments, divisor n, as esda uses).
import { AnalysisInputError } from './errors.js';

/** The mean of the values; throws `non_numeric_value` at the first value that is not a finite number. */
export function finiteMean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new AnalysisInputError('non_numeric_value', `Value ${i} is ${String(v)}; every value must be a finite number.`, [{ index: i }]);
    }
    sum += v;
  }
  return sum / values.length;
}

/**
 * Population standard deviation √(Σ(x − x̄)²/n); equal to √(Σx²/n − x̄²) but without its
 * cancellation. Throws `no_variance` when it is 0, since nothing varies to be tested.
 */
export function populationSd(values: ArrayLike<number>, mean: number): number {
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - mean) * (values[i] - mean);
  const sd = Math.sqrt(ss / values.length);
  if (!(sd > 0)) throw new AnalysisInputError('no_variance', 'All values are equal, so there is no variation to test; at least two values must differ.');
  return sd;
}
