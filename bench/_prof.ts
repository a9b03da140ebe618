import { openStore } from '../server/store/open-store.js';
import { createHotspotService } from '../server/routes/hotspot-service.js';
import { hotspotAnalysis } from '../server/analysis/hotspot-analysis.js';
import { EVENT_TYPES } from '../server/domain/types.js';
const store: any = await (openStore as any)({ dbPath: process.argv[2] });
const svc = createHotspotService(store);
await svc.grid(9, 1);
const range = await store.eventDateRange();
console.log(range);
const day = 86400000;
for (let i = 1; i <= 24; i++) {
  const end = Date.parse(range.max + 'T00:00:00Z') - (i % 12) * 17 * day;
  const from = new Date(end - 364 * day).toISOString().slice(0, 10), to = new Date(end).toISOString().slice(0, 10);
  let t = performance.now();
  const counts = await store.countEventsByCell({ from, to, types: [...EVENT_TYPES] }, 9);
  const tq = performance.now() - t; t = performance.now();
  const { grid, values } = await svc.cellValues({ from, to, types: [...EVENT_TYPES] }, 9, 1);
  const tv = performance.now() - t; t = performance.now();
  const a = hotspotAnalysis({ ids: grid.cells, values, weights: grid.weights, method: 'gistar', permutations: 999, seed: 1, alpha: 0.05, fdr: false } as any);
  const ta = performance.now() - t; t = performance.now();
  const s = JSON.stringify(a.features.filter((f: any) => f.value !== 0 || f.class !== 'none'));
  const tj = performance.now() - t;
  console.log(from, to, 'rows', counts.length, 'query', tq.toFixed(1), 'cellValues', tv.toFixed(1), 'gi', ta.toFixed(1), 'json', tj.toFixed(1), s.length, 'cells', grid.cells.length);
}
