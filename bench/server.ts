// Server benchmarks on the built-in default data: seed time, read endpoint latency, events import throughput.
import { createApp } from '../server/app.js';
import { EVENT_TYPES } from '../server/domain/types.js';
import { runImport } from '../server/ingest/import-service.js';
import { ensureDefaultData } from '../server/store/open-store.js';
import { SqliteStore } from '../server/store/sqlite-store.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeRuns, type Row } from './measure.js';

export async function benchServer(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'rawan-bench-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  await store.migrate();
  const t0 = performance.now();
  await ensureDefaultData(store, 20250411);
  rows.push({ group: 'server', name: 'generate + load built-in default data', value: performance.now() - t0, unit: 'ms' });
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
  const get = async (path: string) => {
    const res = await app.request(path);
    if (res.status !== 200) throw new Error(`${path} → ${res.status}`);
    return res.text();
  };
  const endpoints: Array<[string, string]> = [
    ['GET /api/indicators kelurahan, 1 year, all types', '/api/indicators?level=kelurahan&from=2025-11-01&to=2026-10-31'],
    ['GET /api/indicators kota, 1 year', '/api/indicators?level=kota&from=2025-11-01&to=2026-10-31'],
    ['GET /api/areas kelurahan', '/api/areas?level=kelurahan'],
    ['GET /api/events Kampung Boncos bbox, 1 year', '/api/events?bbox=106.795,-6.193,106.811,-6.181&from=2025-11-01&to=2026-10-31'],
    ['GET /api/indicators/trend focus, 1 year', '/api/indicators/trend?area=kampung-boncos&from=2025-11-01&to=2026-10-31'],
  ];
  for (const [name, path] of endpoints) {
    await get(path);
    const t = await timeRuns(40, () => get(path));
    rows.push({ group: 'server', name: `${name} p50`, value: t.p50, unit: 'ms' });
    rows.push({ group: 'server', name: `${name} p95`, value: t.p95, unit: 'ms' });
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
  const out = await runImport(store, [{ kind: 'events', fileName: 'bench.csv', bytes }], { dryRun: false, maxBytes: 1e9 });
  const secs = (performance.now() - t1) / 1000;
  if (!out.written) throw new Error(`bench import refused: ${JSON.stringify(out.reports[0].summary)}`);
  rows.push({ group: 'server', name: `import ${n.toLocaleString('en')} events (CSV, validate + place + write)`, value: n / secs, unit: 'rows/s' });
  await store.close();
  return rows;
}
