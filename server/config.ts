// Reads configuration from environment variables once, with documented defaults.

export interface Config {
  port: number;
  dbPath: string;
  seed: number;
  eventsLimit: number;
  clientDir: string;
  version: string;
  /** Anonymous visitors may read aggregates as viewers (RAWAN_PUBLIC_VIEWER=1; npm start turns it on for the demo). */
  publicViewer: boolean;
  /** Counts above 0 and below this are withheld from viewers (RAWAN_MIN_CELL). */
  minCell: number;
  sessionHours: number;
  adminPassword: string | undefined;
  /** Extra origins allowed to call the API from a browser (RAWAN_CORS_ORIGINS, comma-separated); same origin otherwise. */
  corsOrigins: string[];
  basemapStyle: string | undefined;
  maxImportBytes: number;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

export function readConfig(): Config {
  return {
    port: intFromEnv('PORT', 8787),
    dbPath: process.env.RAWAN_DB ?? 'var/rawan.db',
    seed: intFromEnv('RAWAN_SEED', 20250411),
    eventsLimit: intFromEnv('RAWAN_EVENTS_LIMIT', 50_000),
    clientDir: process.env.RAWAN_CLIENT_DIR ?? 'dist',
    version: process.env.npm_package_version ?? '0.1.0',
    publicViewer: process.env.RAWAN_PUBLIC_VIEWER === '1' || process.env.RAWAN_PUBLIC_VIEWER === 'true',
    minCell: intFromEnv('RAWAN_MIN_CELL', 5),
    sessionHours: intFromEnv('RAWAN_SESSION_HOURS', 12),
    adminPassword: process.env.RAWAN_ADMIN_PASSWORD === '' ? undefined : process.env.RAWAN_ADMIN_PASSWORD,
    corsOrigins: (process.env.RAWAN_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''),
    basemapStyle: process.env.RAWAN_BASEMAP_STYLE === '' ? undefined : process.env.RAWAN_BASEMAP_STYLE,
    maxImportBytes: intFromEnv('RAWAN_MAX_IMPORT_MB', 200) * 1_000_000,
  };
}
