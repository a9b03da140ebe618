// Errors the PostgreSQL store raises, each named for the condition and saying what is valid.
import { STORED_H3_RESOLUTIONS } from './sqlite-migrations.js';

/** The schema name given is not a plain lower-case SQL identifier (it is spliced into SQL, so it must be one). */
export class InvalidSchemaNameError extends Error {
  constructor(schema: string) {
    super(`schema name "${schema}" must be lower-case letters, digits and underscores, starting with a letter or underscore`);
    this.name = 'InvalidSchemaNameError';
  }
}

/** PostGIS is not installed in the database and this role may not install it. */
export class PostgisMissingError extends Error {
  constructor(cause: unknown) {
    super(
      `PostGIS is not installed in this database and could not be installed (${cause instanceof Error ? cause.message : String(cause)}); run "CREATE EXTENSION postgis" as a superuser`,
    );
    this.name = 'PostgisMissingError';
  }
}

/** Cells are stored per event at a fixed set of resolutions only. */
export class UnstoredResolutionError extends Error {
  constructor(resolution: number) {
    super(`cells are stored at resolutions ${STORED_H3_RESOLUTIONS.join(', ')}, not ${resolution}`);
    this.name = 'UnstoredResolutionError';
  }
}
