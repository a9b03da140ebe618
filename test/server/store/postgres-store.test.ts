// Runs the Store contract on PostgreSQL + PostGIS (a fresh schema per test), plus PostgreSQL-specific checks:
// migrations recorded once, PostGIS geometry columns filled, the audit log append-only, case-insensitive usernames.
import { latLngToCell } from 'h3-js';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { rollbackImport } from '../../../server/ingest/rollback-import.js';
import { postgresMigrations } from '../../../server/store/postgres-migrations.js';
import { schemaStores, TEST_DATABASE_URL } from '../../helpers/postgres-test-db.js';
import { storeSuite } from './store-suite.js';

const stores = schemaStores();

describe.skipIf(!TEST_DATABASE_URL)('PostgresStore', () => {
  afterAll(() => stores.cleanup());

  storeSuite('postgres', async () => stores.open());

  describe('PostgreSQL specifics', () => {
    const sql = async (schema: string, text: string, params: unknown[] = []) => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema},public` });
      await c.connect();
      try {
        return (await c.query(text, params)).rows;
      } finally {
        await c.end();
      }
    };
    const schemaOf = async (store: { listAreas: unknown }) => {
      expect(store).toBeDefined();
      const rows = await sql('public', "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rawan_test_%' ORDER BY oid DESC LIMIT 1");
      return String(rows[0].nspname);
    };

    it('records every migration once and fills the PostGIS columns', async () => {
      const store = stores.open();
      await Promise.all([store.migrate(), store.migrate()]);
      await store.migrate();
      const schema = await schemaOf(store);
      const versions = (await sql(schema, 'SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version));
      expect(versions).toEqual(postgresMigrations.map((m) => m.version));
      // Migration 9: events are indexed by id, date (with type and resolution-9 cell) and location, not by kelurahan or focus area.
      const indexes = (await sql(schema, `SELECT indexname FROM pg_indexes WHERE schemaname = '${schema}' AND tablename = 'events' ORDER BY indexname`)).map((r) => String(r.indexname));
      expect(indexes).toEqual(['events_date_type_h3_9', 'events_geom', 'events_import', 'events_pkey']);
      await store.write([
        {
          kind: 'areas',
          areas: [
            {
              code: 'A',
              name: 'A',
              level: 'kelurahan',
              parentCode: null,
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [106.8, -6.2],
                    [106.81, -6.2],
                    [106.81, -6.19],
                    [106.8, -6.2],
                  ],
                ],
              },
              source: 't',
              approximate: false,
            },
          ],
        },
        {
          kind: 'events',
          events: [
            {
              id: 'e',
              type: 'user_case',
              date: '2025-01-01',
              location: [106.805, -6.198],
              areaCode: 'A',
              focusAreaId: null,
              h3: null,
              count: 1,
              source: 't',
              synthetic: false,
            },
          ],
        },
      ]);
      const [hit] = await sql(
        schema,
        'SELECT a.code, ST_GeometryType(a.geom) AS t, ST_SRID(e.geom) AS srid FROM areas a JOIN events e ON ST_Intersects(a.geom, e.geom)',
      );
      expect(hit).toEqual({ code: 'A', t: 'ST_MultiPolygon', srid: 4326 });
    });

    it('keeps only the tallies migration 8 left (area and focus by month, dekad, day; cells 7 and 8 by month and dekad; cell 9 by month)', async () => {
      const store = stores.open();
      await store.migrate();
      const schema = await schemaOf(store);
      // A row migration 8 must drop, as a version-7 trigger would have written it.
      await sql(schema, "INSERT INTO event_tallies (dim, grain, bucket, key, n_user_case, s_user_case) VALUES (5, 1, 20089, 'x', 1, 1)");
      await sql(schema, postgresMigrations.find((m) => m.version === 8)!.sql);
      await store.write([
        {
          kind: 'events',
          events: [{ id: 'e', type: 'user_case', date: '2025-01-15', location: [106.805, -6.198], areaCode: 'A', focusAreaId: 'f', h3: latLngToCell(-6.198, 106.805, 10), count: 2, source: 't', synthetic: false }],
        },
      ]);
      const kept = (await sql(schema, 'SELECT DISTINCT dim, grain FROM event_tallies ORDER BY dim, grain')).map((r) => `${r.dim}/${r.grain}`);
      // dim: 0 area, 1 focus, 2–4 cells at 7–9, 6 synthetic; grain: 0 day, 1 dekad, 2 month.
      expect(kept).toEqual(['0/0', '0/1', '0/2', '1/0', '1/1', '1/2', '2/1', '2/2', '3/1', '3/2', '4/2', '6/2']);
      expect(await store.countEventsByCell({ from: '2025-01-01', to: '2025-01-31', types: ['user_case'] }, 10)).toEqual([{ h3: latLngToCell(-6.198, 106.805, 10), count: 2 }]);
    });

    it('a roll-back waits for an import still replacing its records, then refuses because of it', async () => {
      const store = stores.open();
      await store.migrate();
      const h3 = latLngToCell(-6.2, 106.8, 10);
      const ev = (id: string, count: number) => ({
        id, type: 'user_case' as const, date: '2025-05-01', location: [106.8, -6.2] as [number, number], areaCode: 'K1', focusAreaId: null, h3, count, source: 't', synthetic: false,
      });
      const rec = (id: string) => ({ kind: 'importRecord' as const, record: { id, at: `2026-01-0${id === 'imp-a' ? 1 : 2}T00:00:00.000Z`, by: null, files: [], records: 1 } });
      await store.write([{ kind: 'events', events: [ev('e1', 1), ev('e2', 2)], importId: 'imp-a' }, rec('imp-a')]);
      let release = () => {};
      const gate = new Promise<void>((r) => (release = r));
      let replaced = () => {};
      const replacing = new Promise<void>((r) => (replaced = r));
      const importB = store.writeStream(
        (async function* () {
          yield [{ kind: 'events' as const, events: [ev('e1', 5)], importId: 'imp-b' }];
          replaced();
          await gate;
          yield [rec('imp-b')];
        })(),
      );
      await replacing;
      // Let import B's first batch reach the server before the roll-back starts.
      await new Promise((r) => setTimeout(r, 300));
      const rollback = rollbackImport(store, 'imp-a', null).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 300));
      release();
      await importB;
      expect(await rollback).toMatchObject({ code: 'rollback_conflict', later: [{ importId: 'imp-b', records: 1 }] });
      const events = await store.listEvents({ from: '2025-01-01', to: '2025-12-31', types: ['user_case'], limit: 10 });
      expect(events.map((e) => [e.id, e.count])).toEqual([['e1', 5], ['e2', 2]]);
    });

    it('refuses to change or delete audit entries', async () => {
      const store = stores.open();
      await store.migrate();
      await store.appendAudit({ at: '2026-01-01T00:00:00Z', username: 'a', role: 'admin', action: 'x', target: null, details: null, address: null });
      const schema = await schemaOf(store);
      await expect(sql(schema, "UPDATE audit_log SET action = 'y'")).rejects.toThrow(/append-only/);
      await expect(sql(schema, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(sql(schema, 'TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      expect((await store.listAudit({ limit: 10 })).map((e) => e.action)).toEqual(['x']);
    });

    it('finds users by name ignoring case and refuses a name differing only in case', async () => {
      const store = stores.open();
      await store.migrate();
      const u = { id: 'u1', username: 'Ana', passwordHash: 'h', role: 'analyst' as const, disabled: false, createdAt: 't', updatedAt: 't' };
      await store.createUser(u);
      expect((await store.findUser({ username: 'aNA' }))?.id).toBe('u1');
      await expect(store.createUser({ ...u, id: 'u2', username: 'ANA' })).rejects.toThrow();
      await store.updateUser('u1', { disabled: true });
      expect((await store.findUser({ id: 'u1' }))?.disabled).toBe(true);
      expect((await store.findUser({ id: 'u1' }))?.role).toBe('analyst');
    });
  });
});
