// Hot spot endpoints: the service against PySAL esda reference values, and the stored-event grid against counts
// and a Gi* computed here from the definition.
import { gridDisk, latLngToCell } from 'h3-js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

const ref = (name: string) => JSON.parse(readFileSync(resolve(process.cwd(), '../shared/reference', name), 'utf8'));

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

describe('POST /api/analysis/hotspots against esda', () => {
  it('Gi* on 40 points with a 0.8 km great-circle band matches esda G_Local(star=True) to 1e-9', async () => {
    const r = ref('esda-points-distance-0.8km.json');
    const res = await t.post('/api/analysis/hotspots', { features: r.features, valueField: 'count', method: 'gistar', weights: { type: 'distance', thresholdKm: 0.8 } }, 'anonymous');
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(40);
    res.body.results.forEach((row: any, i: number) => {
      expect(row.id).toBe(r.features.features[i].properties.id);
      expect(Math.abs(row.z - r.gistar.z[i])).toBeLessThan(1e-9);
    });
    expect(res.body.params.weights).toEqual({ type: 'distance', thresholdKm: 0.8, transform: 'B' });
  });

  it('Gi* and Local Moran on the 7x7 queen lattice match esda (z and I to 1e-9, quadrants equal, pseudo p within sampling error)', async () => {
    const r = ref('esda-lattice-7x7.json');
    const gi = await t.post('/api/analysis/hotspots', { features: r.features, valueField: 'value', method: 'gistar', weights: { type: 'queen' } }, 'anonymous');
    gi.body.results.forEach((row: any, i: number) => expect(Math.abs(row.z - r.gistar.z[i])).toBeLessThan(1e-9));
    const lisa = await t.post('/api/analysis/hotspots', { features: r.features, valueField: 'value', method: 'lisa', weights: { type: 'queen' }, permutations: 9999, seed: 7 }, 'anonymous');
    expect(lisa.status).toBe(200);
    lisa.body.results.forEach((row: any, i: number) => {
      expect(Math.abs(row.I - r.lisa.I[i])).toBeLessThan(1e-9);
      expect(row.quadrant).toBe(r.lisa.quadrant[i]);
      expect(Math.abs(row.pSim - r.lisa.pSim[i])).toBeLessThan(0.02);
    });
  });

  it('is reproducible from the seed and echoes its parameters', async () => {
    const r = ref('esda-lattice-7x7.json');
    const body = { features: r.features, valueField: 'value', method: 'lisa', weights: { type: 'rook' }, permutations: 499, seed: 3, fdr: true };
    const a = await t.post('/api/analysis/hotspots', body, 'anonymous');
    const b = await t.post('/api/analysis/hotspots', body, 'anonymous');
    expect(a.body.results).toEqual(b.body.results);
    expect(a.body.params).toMatchObject({ method: 'lisa', permutations: 499, seed: 3, fdr: true, alpha: 0.05, weights: { type: 'rook', transform: 'R' } });
    expect(typeof a.body.fdrCutoff).toBe('number');
  });

  const pts = (values: unknown[]) => ({
    type: 'FeatureCollection',
    features: values.map((v, i) => ({ type: 'Feature', properties: { id: `p${i}`, count: v }, geometry: { type: 'Point', coordinates: [106.8 + i * 0.001, -6.2] } })),
  });

  it.each([
    ['fewer than 3 features', { features: pts([1, 2]), weights: { type: 'knn', k: 1 } }, 422, 'too_few_features'],
    ['a non-numeric value', { features: pts([1, 'x', 3, 4]), weights: { type: 'knn', k: 1 } }, 422, 'non_numeric_value'],
    ['all values equal', { features: pts([2, 2, 2, 2]), weights: { type: 'knn', k: 1 } }, 422, 'no_variance'],
    ['k ≥ n', { features: pts([1, 2, 3, 4]), weights: { type: 'knn', k: 4 } }, 422, 'k_too_large'],
    ['an unknown weights type', { features: pts([1, 2, 3, 4]), weights: { type: 'gravity' } }, 400, 'invalid_body'],
    ['permutations out of range', { features: pts([1, 2, 3, 4]), method: 'lisa', weights: { type: 'knn', k: 1 }, permutations: 100000 }, 400, 'invalid_body'],
    ['knn without k', { features: pts([1, 2, 3, 4]), weights: { type: 'knn' } }, 400, 'invalid_body'],
    ['queen on points', { features: pts([1, 2, 3, 4]), weights: { type: 'queen' } }, 422, 'invalid_geometry'],
  ])('refuses %s', async (_label, body, status, code) => {
    const res = await t.post('/api/analysis/hotspots', body, 'anonymous');
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(10);
  });

  it('refuses duplicate ids', async () => {
    const fc = pts([1, 2, 3, 4]);
    fc.features[1].properties.id = 'p0';
    const res = await t.post('/api/analysis/hotspots', { features: fc, weights: { type: 'knn', k: 1 } }, 'anonymous');
    expect([res.status, res.body.error.code]).toEqual([422, 'duplicate_ids']);
  });
});

describe('GET /api/hotspots on stored events', () => {
  const q = 'resolution=9&from=2025-11-01&to=2026-10-31';
  let body: any;
  beforeAll(async () => {
    body = (await t.get(`/api/hotspots?${q}`)).body;
  });

  it('counts every event of the period in its resolution-9 cell', async () => {
    const events = (await t.get('/api/events?from=2025-11-01&to=2026-10-31&limit=100000')).body.features;
    const expected = new Map<string, number>();
    for (const e of events) {
      const [lng, lat] = e.geometry.coordinates;
      const c = latLngToCell(lat, lng, 9);
      expected.set(c, (expected.get(c) ?? 0) + e.properties.count);
    }
    const shown = new Map(body.cells.map((c: any) => [c.h3, c.value]));
    let inGrid = 0;
    for (const [cell, n] of expected) {
      if (shown.has(cell)) {
        expect(shown.get(cell)).toBe(n);
        inGrid += n;
      }
    }
    expect(inGrid + body.eventsOutsideCells).toBe(events.reduce((s: number, e: any) => s + e.properties.count, 0));
    expect(body.eventsOutsideCells / inGrid).toBeLessThan(0.01);
  });

  it('computes Gi* over all study cells (zeros included), matching the definition computed here', async () => {
    // Rebuild the value vector: every study cell is either listed or has value 0 and class none.
    expect(body.nCells).toBeGreaterThan(5000);
    const listed = new Map<string, any>(body.cells.map((c: any) => [c.h3, c]));
    const some = body.cells.filter((c: any) => c.class === 'hot').slice(0, 5);
    expect(some.length).toBeGreaterThan(0);
    // Independent Gi*: needs all n values; take them from the listed cells, zero elsewhere.
    const n = body.nCells;
    const values = [...listed.values()].map((c) => c.value);
    const sum = values.reduce((s, v) => s + v, 0);
    const sumSq = values.reduce((s, v) => s + v * v, 0);
    const mean = sum / n;
    const S = Math.sqrt(sumSq / n - mean * mean);
    for (const cell of some) {
      const ring = gridDisk(cell.h3, 1);
      // Neighbours outside the study area do not count; a listed or zero-valued study cell does. Only fully inland
      // cells are checked, so every ring member is a study cell.
      const w = ring.length;
      const local = ring.reduce((s, h) => s + (listed.get(h)?.value ?? 0), 0);
      const z = (local - mean * w) / (S * Math.sqrt((n * w - w * w) / (n - 1)));
      expect(Math.abs(cell.z - z)).toBeLessThan(1e-9);
    }
  });

  it('finds hot spots over each of the three focus areas', async () => {
    const focus = (await t.get('/api/areas?level=focus')).body.features;
    for (const f of focus) {
      const ring = f.geometry.coordinates[0];
      const lng = ring.slice(0, -1).reduce((s: number, p: number[]) => s + p[0], 0) / (ring.length - 1);
      const lat = ring.slice(0, -1).reduce((s: number, p: number[]) => s + p[1], 0) / (ring.length - 1);
      const cell = latLngToCell(lat, lng, 9);
      const hit = body.cells.find((c: any) => c.h3 === cell);
      expect(hit?.class, f.properties.id).toBe('hot');
      expect(hit?.confidence).toBe(99);
    }
  });

  it('withholds small cell counts from viewers but keeps the classes', async () => {
    const v = (await t.get(`/api/hotspots?${q}`, 'viewer')).body;
    expect(v.eventsOutsideCells).toBeNull();
    for (const c of v.cells) expect(c.value === null || c.value === 0 || c.value >= 5).toBe(true);
    expect(v.cells.map((c: any) => c.class)).toEqual(body.cells.map((c: any) => c.class));
  });

  it('rolls resolution-10 events up to coarser cells', async () => {
    const r7 = (await t.get('/api/hotspots?resolution=7&from=2025-11-01&to=2026-10-31')).body;
    const r9total = body.cells.reduce((s: number, c: any) => s + c.value, 0) + body.eventsOutsideCells;
    expect(r7.cells.reduce((s: number, c: any) => s + c.value, 0) + r7.eventsOutsideCells).toBe(r9total);
  });

  it('runs LISA with a seed and says so', async () => {
    const r = await t.get(`/api/hotspots?${q}&method=lisa&permutations=99&seed=5`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ method: 'lisa', permutations: 99, seed: 5 });
    expect(r.body.summary.HH).toBeGreaterThan(0);
  });

  it('answers an empty period with no cells and a note', async () => {
    const r = await t.get('/api/hotspots?from=2020-01-01&to=2020-12-31');
    expect(r.status).toBe(200);
    expect(r.body.cells).toEqual([]);
    expect(r.body.note).toMatch(/No events/);
    expect(r.body.noteCode).toBe('no_events');
  });

  it.each(['resolution=11', 'resolution=abc', 'method=kde', 'alpha=1.5', 'k=9', 'fdr=maybe', 'from=2025-02-31'])('400 for %s', async (bad) => {
    const r = await t.get(`/api/hotspots?${bad}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_parameter');
  });
});

describe('GET /api/hotspots/emerging', () => {
  it('classifies cells over monthly slices with ArcGIS categories', async () => {
    const r = await t.get('/api/hotspots/emerging?from=2024-01-01&to=2026-10-31&slice=quarter');
    expect(r.status).toBe(200);
    expect(r.body.slices).toHaveLength(12);
    expect(r.body.slices[0]).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    const cats = new Set(r.body.cells.map((c: any) => c.category));
    for (const c of cats) expect(String(c)).toMatch(/^(new|consecutive|intensifying|persistent|diminishing|sporadic|oscillating|historical)_(hot|cold)$/);
    expect(r.body.cells.length).toBeGreaterThan(10);
  });

  it('needs at least three slices', async () => {
    const r = await t.get('/api/hotspots/emerging?from=2026-09-01&to=2026-10-31');
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('too_few_slices');
  });
});

describe('payload limits of the analysis services', () => {
  it('answers 422 payload_too_large for a body over 10 MB', async () => {
    const big = { features: { type: 'FeatureCollection', features: [] }, pad: 'x'.repeat(11 * 1024 * 1024) };
    for (const path of ['/api/analysis/hotspots', '/api/analysis/coverage']) {
      const res = await t.post(path, big, 'anonymous');
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('payload_too_large');
    }
  });
});
