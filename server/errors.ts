// Error classes named for the condition; app.onError maps each to its HTTP status and the DESIGN.md error body.

export interface ErrorDetail {
  path?: string;
  row?: number;
  field?: string;
  message: string;
  [key: string]: unknown;
}

export abstract class RawanError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  abstract readonly code: string;
  readonly details: ErrorDetail[] | undefined;
  constructor(message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class InvalidParameterError extends RawanError {
  readonly status = 400;
  readonly code = 'invalid_parameter';
}

export class InvalidBodyError extends RawanError {
  readonly status = 400;
  readonly code = 'invalid_body';
}

export class UnauthenticatedError extends RawanError {
  readonly status = 401;
  readonly code = 'unauthenticated';
}

export class ForbiddenError extends RawanError {
  readonly status = 403;
  readonly code: string;
  constructor(message: string, code = 'forbidden') {
    super(message);
    this.code = code;
  }
}

export class TooManyRequestsError extends RawanError {
  readonly status = 429;
  readonly code = 'too_many_requests';
  constructor(message: string, readonly retryAfterS: number) {
    super(message);
  }
}

export class ConflictError extends RawanError {
  readonly status = 409;
  readonly code: string = 'conflict';
}

export class NotFoundError extends RawanError {
  readonly status = 404;
  readonly code = 'not_found';
}

export class PayloadTooLargeError extends RawanError {
  readonly status = 413;
  readonly code = 'payload_too_large';
}

/** An import file that failed validation; nothing was written. */
export class ImportRejectedError extends RawanError {
  readonly status = 422;
  readonly code = 'import_rejected';
  constructor(message: string, readonly report: unknown, details?: ErrorDetail[]) {
    super(message, details);
  }
}

export class UnprocessableInputError extends RawanError {
  readonly status = 422;
  readonly code: string;
  constructor(code: string, message: string, details?: ErrorDetail[]) {
    super(message, details);
    this.code = code;
  }
}

/** An edit sent back a version that is no longer the stored one (someone else saved in between); nothing was written. */
export class StaleVersionError extends RawanError {
  readonly status = 409;
  readonly code = 'stale_version';
}

/** The caller closed the request (pressed Cancel) while it was being worked on; nobody reads this answer. */
export class CancelledError extends RawanError {
  readonly status = 409;
  readonly code = 'cancelled';
}
