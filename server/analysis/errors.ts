// Error classes for invalid analysis input: each names the condition and its message says what is valid.

/** Conditions under which the analysis refuses its input; routes map them to 4xx responses. */
export type AnalysisErrorCode =
  | 'too_few_features'
  | 'no_variance'
  | 'k_too_large'
  | 'duplicate_ids'
  | 'non_numeric_value'
  | 'length_mismatch'
  | 'invalid_parameter'
  | 'invalid_geometry'
  | 'invalid_h3_cell'
  | 'invalid_weights';

/** Thrown when the caller's data or parameters cannot be analysed; `code` is stable, `message` is for people. */
export class AnalysisInputError extends Error {
  readonly code: AnalysisErrorCode;
  readonly details: readonly unknown[] | undefined;

  constructor(code: AnalysisErrorCode, message: string, details?: readonly unknown[]) {
    super(message);
    this.name = 'AnalysisInputError';
    this.code = code;
    this.details = details;
  }
}
