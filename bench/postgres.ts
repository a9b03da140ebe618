// PostgreSQL store benchmark: loads the built-in default data plus N synthetic events through the store (in a schema
// of its own, dropped afterwards), then times the read endpoints through createApp(...).request(), uncached and cached.
// Run alone: `RAWAN_BENCH_DATABASE_URL=postgres://… npx tsx bench/postgres.ts 1e6`.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createApp } from '../server/app.js';
import { hashPassword } from '../server/auth/password.js';
import { EVENT_TYPES, type CaseEvent, type LngLat } from '../server/domain/types.js';
import { createEventPlacer } from '../server/ingest/event-placer.js';
import { ensureDefaultData } from '../server/store/open-store.js';
import { PostgresStore } from '../server/store/postgres-store.js';
import { printTable, timeRuns, type Row } from './measure.js';
import { createRng } from '../data/prng.js';

/** Events per store.write (one transaction each), so memory stays bounded at 10M events. */
const BATCH = 100_000;
const RUNS = 20;
const BONCOS_BBOX = '106.795,-6.193,106.811,-6.181';


const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `to` shifted back by `i` days and the year before it, so every run misses the response cache. */
function yearEndingDaysBefore(to: string, i: number): { from: string; to: string } {
  const end = Date.parse(`${to}T00:00:00Z`) - i * 86_400_000;
  return { from: isoDay(end - 364 * 86_400_000), to: isoDay(end) };
}

export async function benchPostgres(url: string, events: number): Promise<Row[]> {
  const rows: Row[] = [];
  const group = `postgres (${events.toLocaleString('en')} extra events)`;
  const schema = `rawan_bench_${Date.now().toString(36)}`;
  const store = new PostgresStore(url, { schema });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await store.migrate();
    let t0 = performance.now();
    await ensureDefaultData(store, 20250411);
    rows.push({ group, name: 'generate + load built-in default data', value: performance.now() - t0, unit: 'ms' });

    const [kelurahan, focusAreas, range] = await Promise.all([store.listAreas('kelurahan'), store.listFocusAreas(), store.eventDateRange()]);
    if (!range) throw new Error('the default data has no events');
    const seeds = (await store.listEventLocations()).map((e) => e.location);
    const place = createEventPlacer(kelurahan, focusAreas);
    const rnd = createRng(9).next;
    const start = Date.parse(`${range.min}T00:00:00Z`);
    const days = Math.round((Date.parse(`${range.max}T00:00:00Z`) - start) / 86_400_000) + 1;
    let writeMs = 0;
    let placeMs = 0;
    for (let done = 0; done < events; done += BATCH) {
      const tp = performance.now();
      const batch: CaseEvent[] = [];
      for (let i = done; i < Math.min(events, done + BATCH); i++) {
        // Near a default event (about 500 m of jitter), so the extra events follow the demo's hot spots.
        const s = seeds[Math.floor(rnd() * seeds.length)];
        const location: LngLat = [s[0] + (rnd() - 0.5) * 0.009, s[1] + (rnd() - 0.5) * 0.009];
        const type = EVENT_TYPES[Math.floor(rnd() * EVENT_TYPES.length)];
        batch.push({
          id: `bench-${i}`,
          type,
          date: isoDay(start + Math.floor(rnd() * days) * 86_400_000),
          location,
          count: 1,
          source: 'bench',
          synthetic: true,
          ...place(location),
        });
      }
      placeMs += performance.now() - tp;
      const tw = performance.now();
      await store.write([{ kind: 'events', events: batch }]);
      writeMs += performance.now() - tw;
    }
    if (events > 0) {
      rows.push({ group, name: 'place synthetic events (point in polygon, H3)', value: events / (placeMs / 1000), unit: 'rows/s' });
      rows.push({ group, name: `store.write events (batches of ${BATCH.toLocaleString('en')})`, value: events / (writeMs / 1000), unit: 'rows/s' });
    }
    // What autovacuum would do soon after a bulk load: sets the visibility map so counts use index-only scans.
    t0 = performance.now();
    await admin.query(`VACUUM (ANALYZE) ${schema}.events`);
    rows.push({ group, name: 'VACUUM (ANALYZE) events after the load', value: performance.now() - t0, unit: 'ms' });
    rows.push({ group, name: 'events stored', value: (await store.counts()).events, unit: 'rows' });

    const app = createApp(
      {
        store,
        config: {
          eventsLimit: 100_000,
          version: 'bench',
          publicViewer: true,
          minCell: 5,
          sessionHours: 12,
          corsOrigins: [],
          basemapStyle: undefined,
          maxImportBytes: 1e9,
        },
      },
      () => {},
    );
    const now = new Date().toISOString();
    await store.createUser({
      id: randomUUID(),
      username: 'bench-analyst',
      passwordHash: await hashPassword('bench-password-1'),
      role: 'analyst',
      disabled: false,
      createdAt: now,
      updatedAt: now,
    });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench-analyst', password: 'bench-password-1' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const get = async (path: string) => {
      const res = await app.request(path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path} → ${res.status}: ${await res.text()}`);
      return res.text();
    };
    const endpoints: Array<[string, (p: { from: string; to: string }) => string]> = [
      ['GET /api/indicators kelurahan, 1 year, all types', (p) => `/api/indicators?level=kelurahan&from=${p.from}&to=${p.to}`],
      ['GET /api/hotspots resolution 9, 1 year, all types', (p) => `/api/hotspots?resolution=9&from=${p.from}&to=${p.to}`],
      ['GET /api/events Kampung Boncos bbox, 1 year', (p) => `/api/events?bbox=${BONCOS_BBOX}&from=${p.from}&to=${p.to}`],
    ];
    for (const [name, path] of endpoints) {
      await get(path(yearEndingDaysBefore(range.max, RUNS + 1)));
      let i = 0;
      const cold = await timeRuns(RUNS, () => get(path(yearEndingDaysBefore(range.max, i++))));
      rows.push({ group, name: `${name} uncached p50`, value: cold.p50, unit: 'ms' });
      rows.push({ group, name: `${name} uncached p95`, value: cold.p95, unit: 'ms' });
      const warm = await timeRuns(RUNS, () => get(path(yearEndingDaysBefore(range.max, 0))));
      rows.push({ group, name: `${name} cached p95`, value: warm.p95, unit: 'ms' });
    }
    return rows;
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.RAWAN_BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url === undefined) throw new Error('set RAWAN_BENCH_DATABASE_URL to a PostgreSQL database the benchmark may create a schema in');
  printTable(await benchPostgres(url, Number(process.argv[2] ?? 1e5)));
}
