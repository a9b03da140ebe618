// Prints the hot spot statistics benchmark as a table: `npx tsx bench/analysis-main.ts`.
import { benchAnalysis } from './analysis.bench.js';

const rows = await benchAnalysis();
const nameWidth = Math.max(...rows.map((r) => r.name.length), 'benchmark'.length);
console.log(`${'benchmark'.padEnd(nameWidth)}  ${'n'.padStart(7)}  ${'median ms'.padStart(10)}`);
for (const r of rows) console.log(`${r.name.padEnd(nameWidth)}  ${String(r.n).padStart(7)}  ${r.ms.toFixed(1).padStart(10)}`);
