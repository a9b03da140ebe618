// A long coverage solve runs in a worker thread: the server keeps answering other requests meanwhile.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../data/prng.js';
import { makeTestApp } from '../helpers/test-app.js';
import { coverageWorkerRestarts } from '../../server/routes/coverage-runner.js';

function hardInstance(timeLimitS = 3) {
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
    timeLimitS,
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

  it('drops a running solve when its caller cancels, and goes on with the solves queued behind it', async () => {
    const t = await makeTestApp({ empty: true });
    const send = (body: unknown, signal?: AbortSignal) =>
      t.request('/api/analysis/coverage', { as: 'anonymous', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
    const small = {
      demand: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [106.8, -6.2] }, properties: { id: 'a', demand: 7 } }] },
      facilities: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [106.81, -6.2] }, properties: { id: 'p', capacity: 5 } }] },
      maxDistanceKm: 5,
      objective: 'min-distance',
    };
    const restartsBefore = coverageWorkerRestarts();
    const long = new AbortController();
    const queued = new AbortController();
    const t0 = performance.now();
    // Through app.request the aborted calls still get an answer (a browser would just see its fetch rejected).
    // A 60-second MIP, a small solve queued behind it that is cancelled too, and one that is waited for.
    const cancelledLong = send(hardInstance(60), long.signal).then(async (r) => `${r.status} ${(await r.json()).error?.code}`);
    const cancelledQueued = send(small, queued.signal).then(async (r) => `${r.status} ${(await r.json()).error?.code}`);
    const kept = send(small);
    await new Promise((r) => setTimeout(r, 500));
    queued.abort();
    long.abort();
    expect(await cancelledLong).toBe('409 cancelled');
    expect(await cancelledQueued).toBe('409 cancelled');
    const r = await kept;
    // Served 5 of 7 by the one puskesmas 1.1 km away: min(7, capacity 5).
    const body = await r.json();
    expect(r.status).toBe(200);
    expect(body.servedDemand).toBe(5);
    expect(body.unmet).toEqual([{ demandId: 'a', amount: 2 }]);
    // Far sooner than the 60-second limit: the long solve's thread was replaced.
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(coverageWorkerRestarts()).toBe(restartsBefore + 1);
  }, 60_000);
});
