// A long coverage solve runs in a worker thread: the server keeps answering other requests meanwhile.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.js';
import { makeTestApp } from '../helpers/test-app.js';

function hardInstance() {
  const rng = createRng(11);
  const pt = () => [106.7 + rng.next() * 0.25, -6.35 + rng.next() * 0.25];
  return {
    demand: {
      type: 'FeatureCollection',
      features: Array.from({ length: 267 }, (_, i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: pt() },
        properties: { id: `d${i}`, demand: 5 + rng.int(40) },
      })),
    },
    facilities: {
      type: 'FeatureCollection',
      features: Array.from({ length: 334 }, (_, i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: pt() },
        properties: { id: `f${i}`, capacity: 100 + rng.int(150) },
      })),
    },
    maxDistanceKm: 5,
    objective: 'max-coverage',
    open: 40,
    timeLimitS: 3,
  };
}

describe('coverage worker', () => {
  it('answers /api/health while a max-coverage solve is running', async () => {
    const t = await makeTestApp({ empty: true });
    let solved = false;
    const solve = t.post('/api/analysis/coverage', hardInstance(), 'anonymous').then((r) => {
      solved = true;
      return r;
    });
    // Sample the event loop while the solve runs: with the solver inline, a timer would wait seconds.
    let worstLagMs = 0;
    while (!solved) {
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 20));
      worstLagMs = Math.max(worstLagMs, performance.now() - t0 - 20);
    }
    expect(worstLagMs).toBeLessThan(500);
    const health = await t.get('/api/health', 'anonymous');
    expect(health.status).toBe(200);
    const r = await solve;
    expect(r.status).toBe(200);
    expect(r.body.facilities.filter((f: any) => f.open).length).toBeLessThanOrEqual(40);
  }, 60_000);
});
