// Error classes for coverage input the solver refuses: each is named for the condition, carries a stable `code`, and its message says what is valid.

/** Stable codes of the conditions under which coverage analysis refuses its input; routes answer them with 422. */
export type CoverageErrorCode =
  | 'invalid_parameter'
  | 'invalid_geometry'
  | 'negative_amount'
  | 'duplicate_ids'
  | 'unknown_id'
  | 'conflicting_locks'
  | 'locked_to_excluded'
  | 'open_required'
  | 'open_below_designated'
  | 'too_many_points'
  | 'too_many_pairs';

/** One offending item: where it is in the request and what is wrong with it. */
export interface CoverageErrorDetail {
  readonly path: string;
  readonly message: string;
  readonly id?: string;
}

/** Base of every refusal; `code` is for programs, `message` for people. */
export abstract class CoverageInputError extends Error {
  abstract readonly code: CoverageErrorCode;
  readonly details: CoverageErrorDetail[] | undefined;
  constructor(message: string, details?: CoverageErrorDetail[]) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** A scalar parameter outside its valid range (distance, detour factor, time limit, open count). */
export class InvalidCoverageParameterError extends CoverageInputError {
  readonly code = 'invalid_parameter';
}

/** A feature whose geometry is not a Point with finite [lng, lat] inside the valid ranges. */
export class InvalidPointError extends CoverageInputError {
  readonly code = 'invalid_geometry';
}

/** A demand or capacity that is negative or not a finite number. */
export class NegativeAmountError extends CoverageInputError {
  readonly code = 'negative_amount';
}

/** Two demand points, or two facilities, with the same id (ids compare as strings, so 7 and "7" collide). */
export class DuplicateIdError extends CoverageInputError {
  readonly code = 'duplicate_ids';
}

/** A lock or an exclusion naming a demand point or facility that is not in the request. */
export class UnknownIdError extends CoverageInputError {
  readonly code = 'unknown_id';
}

/** One demand point locked to two different facilities. */
export class ConflictingLocksError extends CoverageInputError {
  readonly code = 'conflicting_locks';
}

/** A lock to a facility the same request excludes. */
export class LockedToExcludedError extends CoverageInputError {
  readonly code = 'locked_to_excluded';
}

/** `open` missing for max-coverage, or fewer than the designated facilities that must stay open. */
export class OpenCountError extends CoverageInputError {
  readonly code: 'open_required' | 'open_below_designated';
  constructor(code: 'open_required' | 'open_below_designated', message: string, details?: CoverageErrorDetail[]) {
    super(message, details);
    this.code = code;
  }
}

/** More points, or more allowed demand–facility pairs, than the documented limits. */
export class ProblemTooLargeError extends CoverageInputError {
  readonly code: 'too_many_points' | 'too_many_pairs';
  constructor(code: 'too_many_points' | 'too_many_pairs', message: string, details?: CoverageErrorDetail[]) {
    super(message, details);
    this.code = code;
  }
}
