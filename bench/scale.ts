// `npm run bench -- --store=sqlite|postgres --events=1e6|1e7`: loads the built-in data plus N synthetic events into a
// scratch store, then serves it from a real server process and measures uncached read latency, load and peak memory.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { hashPassword } from '../server/auth/password.js';
import { runImport } from '../server/ingest/import-service.js';
import { ensureDefaultData } from '../server/store/open-store.js';
import { PostgresStore } from '../server/store/postgres-store.js';
import { SqliteStore } from '../server/store/sqlite-store.js';
import type { Store } from '../server/store/store.js';
import { createServer } from 'node:net';
import { printTable, timeRuns, type Row } from './measure.js';
import { bulkLoad, isoDay, writeEventsCsv } from './scale-data.js';

const BATCH = 100_000;
const RUNS = 30;
/** Pause after an endpoint's first request, before its timed ones. */
const WARM_MS = 3000;
const BONCOS_BBOX = '106.795,-6.193,106.811,-6.181';
const PASSWORD = 'bench-analyst-password';

interface Options {
  store: 'sqlite' | 'postgres';
  events: number;
  load: 'import' | 'bulk';
  seconds: number;
  keep: boolean;
  /** A store a previous `--keep` run left behind: measure it again without loading. */
  reuse: string | undefined;
}

function parse(argv: readonly string[]): Options {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const store = arg('store') ?? 'sqlite';
  if (store !== 'sqlite' && store !== 'postgres') throw new Error(`--store must be sqlite or postgres, not "${store}"`);
  const events = Number(arg('events') ?? '1e6');
  if (!Number.isInteger(events) || events < 0) throw new Error(`--events must be a whole number such as 1e6, not "${arg('events')}"`);
  const load = arg('load') ?? (events <= 1e6 ? 'import' : 'bulk');
  if (load !== 'import' && load !== 'bulk') throw new Error(`--load must be import or bulk, not "${load}"`);
  return { store, events, load, seconds: Number(arg('seconds') ?? 10), keep: argv.includes('--keep'), reuse: arg('reuse') };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

/** A scratch store: a file in a temporary directory, or a database of its own next to the benchmark database. */
interface Scratch {
  store: Store;
  env: Record<string, string>;
  size(): Promise<number>;
  /** PostgreSQL: VACUUM (ANALYZE), as autovacuum would do soon after a bulk load. */
  maintain?(): Promise<void>;
  drop(): Promise<void>;
}

async function scratch(kind: Options['store'], reuse: string | undefined): Promise<Scratch> {
  if (kind === 'sqlite') {
    const dir = reuse === undefined ? mkdtempSync(join(process.env.RAWAN_BENCH_DIR ?? tmpdir(), 'rawan-scale-')) : dirname(reuse);
    const path = reuse ?? join(dir, 'scale.db');
    const size = async () => ['', '-wal'].reduce((s, x) => s + (statSync(path + x, { throwIfNoEntry: false })?.size ?? 0), 0);
    return { store: new SqliteStore(path), env: { RAWAN_DB: path }, size, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.RAWAN_BENCH_DATABASE_URL ?? process.env.RAWAN_TEST_DATABASE_URL;
  if (base === undefined) throw new Error('set RAWAN_BENCH_DATABASE_URL to a PostgreSQL database whose role may create databases');
  const name = reuse ?? `rawan_bench_${Date.now().toString(36)}`;
  if (!/^rawan_bench_[a-z0-9]+$/.test(name)) throw new Error(`--reuse takes a database a --keep run left, such as rawan_bench_abc123, not "${name}"`);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  if (reuse === undefined) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    store: new PostgresStore(url.toString()),
    env: { DATABASE_URL: url.toString() },
    size: async () => Number((await admin.query('SELECT pg_database_size($1) AS n', [name])).rows[0].n),
    maintain: async () => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      await c.query('VACUUM (ANALYZE) events, event_tallies').finally(() => c.end());
    },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Peak resident memory of a process (Linux VmHWM), in MB. */
function peakRssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** The year ending `i` days before `to`: a new period per request so the answer cache never helps. */
function yearBefore(to: string, i: number): { from: string; to: string } {
  const end = Date.parse(`${to}T00:00:00Z`) - (i % 700) * 86_400_000;
  return { from: isoDay(end - 364 * 86_400_000), to: isoDay(end) };
}

export async function runScaleBench(argv: readonly string[]): Promise<void> {
  const o = parse(argv);
  const group = `${o.store} ${o.events.toLocaleString('en')} events (${cpus().length} cores)`;
  const rows: Row[] = [];
  const log = (m: string) => console.error(m);
  const target = await scratch(o.store, o.reuse);
  let server: ChildProcess | undefined;
  try {
    const { store } = target;
    await store.migrate();
    await ensureDefaultData(store, 20250411);
    log(`${group}: loading (${o.load})…`);
    if (o.reuse !== undefined) {
      log(`  reusing ${o.reuse}: nothing loaded`);
    } else if (o.load === 'bulk') {
      const r = await bulkLoad(store, o.events, BATCH, log);
      rows.push({ group, name: `bulk load: store.write, ${BATCH.toLocaleString('en')} per transaction`, value: r.rowsPerSec, unit: 'rows/s' });
    } else {
      const csvDir = mkdtempSync(join(process.env.RAWAN_BENCH_DIR ?? tmpdir(), 'rawan-scale-csv-'));
      const csv = join(csvDir, 'scale-events.csv');
      await writeEventsCsv(store, o.events, csv);
      const t0 = performance.now();
      const out = await runImport(store, [{ kind: 'events', fileName: 'scale.csv', path: csv }], { dryRun: false, maxBytes: 2e9 });
      rmSync(csvDir, { recursive: true, force: true });
      if (!out.written) throw new Error(`import refused: ${JSON.stringify(out.reports[0].summary)}`);
      rows.push({ group, name: 'runImport: CSV, validate + place + write, one transaction', value: o.events / ((performance.now() - t0) / 1000), unit: 'rows/s' });
    }
    rows.push({ group, name: 'loader peak RSS (generator + store)', value: process.resourceUsage().maxRSS / 1024, unit: 'MB' });
    if (target.maintain) {
      const t0 = performance.now();
      await target.maintain();
      rows.push({ group, name: 'VACUUM (ANALYZE) after the load', value: performance.now() - t0, unit: 'ms' });
    }
    rows.push({ group, name: 'events stored', value: (await store.counts()).events, unit: 'rows' });
    rows.push({ group, name: 'store size on disk', value: (await target.size()) / 1e6, unit: 'MB' });
    const now = new Date().toISOString();
    if (!(await store.findUser({ username: 'bench-analyst' }))) await store.createUser({ id: randomUUID(), username: 'bench-analyst', passwordHash: await hashPassword(PASSWORD), role: 'analyst', disabled: false, createdAt: now, updatedAt: now });
    const range = await store.eventDateRange();
    await store.close();
    if (!range) throw new Error('no events stored');

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, ...target.env, PORT: String(port), RAWAN_CLIENT_DIR: 'no-client', RAWAN_ADMIN_PASSWORD: randomUUID() },
      stdio: 'ignore',
    });
    await waitFor(`${base}/api/health`, 120_000);
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-analyst', password: PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const endpoints: Array<[string, (p: { from: string; to: string }) => string]> = [
      ['/api/indicators kelurahan, 1 year, all types', (p) => `/api/indicators?level=kelurahan&from=${p.from}&to=${p.to}`],
      ['/api/hotspots resolution 9, 1 year, all types', (p) => `/api/hotspots?resolution=9&from=${p.from}&to=${p.to}`],
      ['/api/events Kampung Boncos bbox, 1 year', (p) => `/api/events?bbox=${BONCOS_BBOX}&from=${p.from}&to=${p.to}`],
    ];
    let shift = 1;
    for (const [name, path] of endpoints) {
      const get = async (p: string) => {
        const res = await fetch(`${base}${p}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${p} → ${res.status}: ${await res.text()}`);
        return res.arrayBuffer();
      };
      const bytes = (await get(path(yearBefore(range.max, 0)))).byteLength;
      // "Once warm": the first request starts the server's background counting (hot spot months and dekads); let it end.
      await new Promise((r) => setTimeout(r, WARM_MS));
      const r = await timeRuns(RUNS, () => get(path(yearBefore(range.max, shift++))));
      rows.push({ group, name: `${name} (${Math.round(bytes / 1024)} kB) uncached p50`, value: r.p50, unit: 'ms' });
      rows.push({ group, name: `${name} uncached p95`, value: r.p95, unit: 'ms' });
      const load = await autocannon({
        url: base,
        connections: 50,
        duration: o.seconds,
        headers: { cookie },
        requests: [{ method: 'GET', path: path(yearBefore(range.max, 0)), setupRequest: (req) => ({ ...req, path: path(yearBefore(range.max, shift++)) }) }],
      });
      rows.push({ group, name: `${name} autocannon 50 conn, uncached: requests/s`, value: load.requests.average, unit: 'req/s' });
      rows.push({ group, name: `${name} autocannon 50 conn, uncached: p99`, value: load.latency.p99, unit: 'ms' });
      if (load.errors + load.non2xx > 0) rows.push({ group, name: `${name} errors + non-2xx`, value: load.errors + load.non2xx, unit: 'count' });
    }
    rows.push({ group, name: 'server peak RSS (VmHWM)', value: peakRssMb(server.pid), unit: 'MB' });
  } finally {
    server?.kill('SIGTERM');
    if (server) await new Promise((r) => server?.once('exit', r));
    if (o.keep || o.reuse !== undefined) log(`kept the scratch store: ${JSON.stringify(target.env)}`);
    else await target.drop();
  }
  printTable(rows);
}
