// Reads configuration from environment variables once, with documented defaults.

export interface Config {
  port: number;
  dbPath: string;
  seed: number;
  eventsLimit: number;
  clientDir: string;
  version: string;
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
  };
}
