// Fresh PostgreSQL schemas and databases for tests against RAWAN_TEST_DATABASE_URL, dropped again afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../../server/store/postgres-store.js';

export const TEST_DATABASE_URL = process.env.RAWAN_TEST_DATABASE_URL;

const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

function requireUrl(): string {
  if (TEST_DATABASE_URL === undefined) throw new Error('RAWAN_TEST_DATABASE_URL is not set');
  return TEST_DATABASE_URL;
}

/** Opens stores each in a schema of its own; `cleanup` closes them and drops their schemas. */
export function schemaStores() {
  const opened: Array<{ store: PostgresStore; schema: string }> = [];
  return {
    open(): PostgresStore {
      const schema = uniqueName('rawan_test');
      const store = new PostgresStore(requireUrl(), { schema, maxConnections: 4 });
      opened.push({ store, schema });
      return store;
    },
    async cleanup(): Promise<void> {
      const admin = new pg.Client({ connectionString: requireUrl() });
      await admin.connect();
      try {
        for (const { store, schema } of opened.splice(0)) {
          await store.close();
          await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        }
      } finally {
        await admin.end();
      }
    },
  };
}

/** Creates an empty database next to the test one and returns its URL and a function that drops it. */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = requireUrl();
  const name = uniqueName('rawan_scratch');
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
