// `npm run bench`: runs every benchmark group that exists and prints one table.
import { existsSync } from 'node:fs';
import { printTable, type Row } from './measure.js';
import { benchLoad } from './load.js';
import { benchServer } from './server.js';
import { benchImport } from './import.js';

// `npm run bench -- --store=sqlite|postgres --events=1e6|1e7`: the scale benchmark alone (bench/scale.ts).
if (process.argv.slice(2).some((a) => a.startsWith('--store') || a.startsWith('--events'))) {
  const { runScaleBench } = await import('./scale.js');
  await runScaleBench(process.argv.slice(2));
  process.exit(0);
}

const rows: Row[] = [];
rows.push(...(await benchServer()));
rows.push(...(await benchImport()));
rows.push(...(await benchLoad()));
if (existsSync(new URL('./analysis.bench.ts', import.meta.url))) {
  const { benchAnalysis } = await import('./analysis.bench.js');
  for (const r of await benchAnalysis()) rows.push({ group: 'analysis', name: `${r.name} (n=${r.n.toLocaleString('en')})`, value: r.ms, unit: 'ms' });
}
{
  const { benchCoverage } = await import('./coverage.bench.js');
  for (const r of await benchCoverage()) rows.push({ group: 'coverage', name: `${r.name}${r.optimal ? ' (optimal)' : ` (gap ${(r.gap * 100).toFixed(2)}%)`}`, value: r.ms, unit: 'ms' });
}
const pgUrl = process.env.RAWAN_BENCH_DATABASE_URL;
if (pgUrl) {
  const { benchPostgres } = await import('./postgres.js');
  rows.push(...(await benchPostgres(pgUrl, Number(process.env.RAWAN_BENCH_EVENTS ?? 1e6))));
}
if (existsSync(new URL('./client.ts', import.meta.url)) && existsSync('dist/index.html')) {
  const { benchClient } = await import('./client.js');
  for (const r of await benchClient()) rows.push({ group: 'client', name: r.name, value: r.value, unit: r.unit });
}
printTable(rows);
