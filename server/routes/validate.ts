// Validates a request part with a zod schema and turns failures into InvalidParameterError / InvalidBodyError with per-field details.
import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { InvalidBodyError, InvalidParameterError } from '../errors.js';

interface Issue {
  path: PropertyKey[];
  message: string;
}

function describe(issues: readonly Issue[]) {
  const details = issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const message = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
  return { details, message };
}

export function validQuery<T extends ZodType>(schema: T) {
  return zValidator('query', schema, (result) => {
    if (!result.success) {
      const { details, message } = describe(result.error.issues);
      throw new InvalidParameterError(`Invalid query parameter — ${message}`, details);
    }
  });
}

export function validJson<T extends ZodType>(schema: T) {
  return zValidator('json', schema, (result) => {
    if (!result.success) {
      const { details, message } = describe(result.error.issues);
      throw new InvalidBodyError(`Invalid request body — ${message}`, details);
    }
  });
}
