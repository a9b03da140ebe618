// Server benchmarks on the built-in default data: seed time, read endpoint latency, events import throughput.
import { EVENT_TYPES } from '../server/domain/types.js';
import { runImport } from '../server/ingest/import-service.js';
import { makeTestApp } from '../test/helpers/test-app.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import { join } from 'node:path';
import { timeRuns, type Row } from './measure.js';

export async function benchServer(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = tempDir('rawan-bench-');
  const t0 = performance.now();
  const t = await makeTestApp({ path: join(dir, 'bench.db') });
  rows.push({ group: 'server', name: 'generate + load built-in default data', value: performance.now() - t0, unit: 'ms' });
  const cookie = await t.cookie('analyst');
  const get = async (path: string) => {
    const res = await t.app.request(path, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
    return res.text();
  };
  const endpoints: Array<[string, (i: number) => string]> = [
    // A different alpha or date each run defeats the answer cache, so these are computed latencies.
    ['GET /api/indicators kelurahan, 1 year, all types (uncached)', (i) => `/api/indicators?level=kelurahan&from=2025-11-01&to=2026-10-${String(1 + (i % 30)).padStart(2, '0')}`],
    ['GET /api/indicators kelurahan, 1 year (cached)', () => '/api/indicators?level=kelurahan&from=2025-11-01&to=2026-10-31'],
    ['GET /api/hotspots res 9, 1 year, Gi* (uncached)', (i) => `/api/hotspots?resolution=9&from=2025-11-01&to=2026-10-31&alpha=${(0.05 + i * 1e-6).toFixed(6)}`],
    ['GET /api/hotspots res 9, 1 year, LISA 999 (uncached)', (i) => `/api/hotspots?resolution=9&from=2025-11-01&to=2026-10-31&method=lisa&seed=${i}`],
    ['GET /api/areas kelurahan', () => '/api/areas?level=kelurahan'],
    ['GET /api/events Kampung Boncos bbox, 1 year', () => '/api/events?bbox=106.795,-6.193,106.811,-6.181&from=2025-11-01&to=2026-10-31'],
    ['GET /api/indicators/trend focus, 1 year (uncached)', (i) => `/api/indicators/trend?area=kampung-boncos&from=2025-11-${String(1 + (i % 28)).padStart(2, '0')}&to=2026-10-31`],
  ];
  for (const [name, path] of endpoints) {
    await get(path(10_000));
    let i = 0;
    const r = await timeRuns(30, () => get(path(i++)));
    rows.push({ group: 'server', name: `${name} p50`, value: r.p50, unit: 'ms' });
    rows.push({ group: 'server', name: `${name} p95`, value: r.p95, unit: 'ms' });
  }

  const n = 100_000;
  const lines = ['id,date,type,lat,lon'];
  for (let i = 0; i < n; i++) {
    const lat = -6.3 + ((i * 7919) % 1600) / 10_000;
    const lng = 106.76 + ((i * 104_729) % 1600) / 10_000;
    lines.push(`B${i},2024-${String(1 + (i % 12)).padStart(2, '0')}-15,${EVENT_TYPES[i % 5]},${lat.toFixed(5)},${lng.toFixed(5)}`);
  }
  const bytes = Buffer.from(lines.join('\n'));
  const t1 = performance.now();
  const out = await runImport(t.store, [{ kind: 'events', fileName: 'bench.csv', bytes }], { dryRun: false, maxBytes: 1e9 });
  const secs = (performance.now() - t1) / 1000;
  if (!out.written) throw new Error(`bench import refused: ${JSON.stringify(out.reports[0].summary)}`);
  rows.push({ group: 'server', name: `import ${n.toLocaleString('en')} events (CSV, validate + place + write)`, value: n / secs, unit: 'rows/s' });
  await t.store.close();
  return rows;
}
