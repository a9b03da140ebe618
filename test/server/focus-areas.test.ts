// Focus-area editing through the API: create, update with optimistic concurrency, delete, history; outline checks;
// events' focus areas, indicators, briefings and the focus list following each edit; audit entries.
import { beforeAll, describe, expect, it } from 'vitest';
import { slugOf } from '../../server/routes/focus-areas.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

type Rect = [number, number, number, number];
const polygon = ([w, s, e, n]: Rect) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const period = { from: '2025-11-01', to: '2026-10-31' };

async function send(method: 'PUT' | 'DELETE' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init = body === undefined ? {} : { body: JSON.stringify(body) };
  const res = await t.request(path, { as: 'analyst', method, headers: { 'content-type': 'application/json', ...headers }, ...init });
  return { status: res.status, body: await res.json() };
}

/** Sum of event counts strictly inside a rectangle, straight from the points (the rectangle's edges avoid every point). */
async function countInside([w, s, e, n]: Rect): Promise<number> {
  const r = await t.get(`/api/events?bbox=${w},${s},${e},${n}&from=${period.from}&to=${period.to}&limit=100000`);
  return r.body.features
    .filter((f: any) => f.geometry.coordinates[0] > w && f.geometry.coordinates[0] < e && f.geometry.coordinates[1] > s && f.geometry.coordinates[1] < n)
    .reduce((sum: number, f: any) => sum + f.properties.count, 0);
}

async function focusTotal(id: string): Promise<number | undefined> {
  const r = await t.get(`/api/indicators?level=focus&from=${period.from}&to=${period.to}`);
  return r.body.areas.find((a: any) => a.code === id)?.total;
}

describe('slugs', () => {
  it('turns names into ids', () => {
    expect(slugOf('Kampung Boncos / Kiapang')).toBe('kampung-boncos-kiapang');
    expect(slugOf('  Gang Ké-5  ')).toBe('gang-ke-5');
    expect(slugOf('///')).toBe('focus-area');
  });
});

describe('editing a focus area', () => {
  it('reads the seeded record with version 1', async () => {
    const r = await t.get('/api/focus-areas/kampung-bahari');
    expect(r.status).toBe(200);
    expect(r.body.focusArea).toMatchObject({ id: 'kampung-bahari', name: 'Kampung Bahari', version: 1, kelurahanCode: '31.72.02.1001' });
    expect((await t.get('/api/focus-areas/nowhere')).status).toBe(404);
  });

  it('renames with the loaded version, shows it in the focus list, audits it, and refuses the stale version after', async () => {
    const r = await send('PUT', '/api/focus-areas/kampung-bahari', { version: 1, name: 'Kampung Bahari (RW 07)', aliases: ['Muara Bahari', 'Muara Bahari'] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      changed: ['name', 'aliases'],
      eventsReassigned: 0,
      focusArea: { version: 2, name: 'Kampung Bahari (RW 07)', aliases: ['Muara Bahari'], updatedBy: 'test-analyst' },
    });
    const list = await t.get('/api/areas?level=focus');
    expect(list.body.features.find((f: any) => f.id === 'kampung-bahari').properties.name).toBe('Kampung Bahari (RW 07)');
    const log = await t.get('/api/audit?action=focus_area_updated', 'admin');
    expect(log.body.entries[0]).toMatchObject({ username: 'test-analyst', target: 'kampung-bahari' });
    expect(log.body.entries[0].details).toMatchObject({ version: 2, changed: ['name', 'aliases'] });

    const stale = await send('PUT', '/api/focus-areas/kampung-bahari', { version: 1, notes: 'mine' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect(stale.body.error.message).toMatch(/changed by test-analyst .* now version 2, your edit started from version 1\. Nothing was saved\. Reload/);
    expect((await t.get('/api/focus-areas/kampung-bahari')).body.focusArea.notes).not.toBe('mine');
  });

  it('refuses bad outlines with 422 and a reason, leaving the store untouched', async () => {
    const before = (await t.get('/api/focus-areas/kampung-ambon')).body.focusArea;
    const bad = async (geometry: unknown) => send('PUT', '/api/focus-areas/kampung-ambon', { version: before.version, geometry });
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [106.73, -6.15],
          [106.74, -6.14],
          [106.74, -6.15],
          [106.73, -6.14],
          [106.73, -6.15],
        ],
      ],
    };
    const cases: Array<[unknown, RegExp]> = [
      [
        bowtie,
        /^The outline is not a valid polygon: boundary crosses itself at 1 point\(s\), first near \(106\.73500, -6\.14500\)\. Move the vertices so that no two edges cross\.$/,
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [106.73, -6.15],
              [106.74, -6.15],
              [106.74, -6.14],
              [106.73, -6.14],
            ],
          ],
        },
        /not closed/,
      ],
      [polygon([107.6, -6.95, 107.61, -6.94]), /outside the study area/],
      [polygon([106.73, -6.15, 106.7301, -6.1499]), /covers 123 m²; a focus area must cover at least 1000 m²/],
      [polygon([106.7, -6.3, 106.9, -6.1]), /at most 25 km²/],
    ];
    for (const [geometry, message] of cases) {
      const r = await bad(geometry);
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      expect(r.body.error.code).toBe('invalid_geometry');
      expect(r.body.error.message).toMatch(message);
    }
    const malformed = await bad({ type: 'Point', coordinates: [106.7, -6.2] });
    expect(malformed.status).toBe(400);
    expect((await t.get('/api/focus-areas/kampung-ambon')).body.focusArea).toEqual(before);
  });

  it("refuses outlines beyond Jakarta's kelurahan inside the study box", async () => {
    // Far out in the Java Sea between the mainland and Kepulauan Seribu.
    const r = await send('POST', '/api/focus-areas', { name: 'Laut', geometry: polygon([106.95, -5.98, 106.96, -5.97]) });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toMatch(/Vertex 1 at \(106\.95000, -5\.98000\) lies outside DKI Jakarta/);
  });
});

describe('creating, moving and deleting a focus area', () => {
  const first: Rect = [106.85013, -6.24013, 106.86007, -6.23007];
  const moved: Rect = [106.85513, -6.24013, 106.86507, -6.23007];
  let id = '';

  it('creates one with a slug, its kelurahan, and the events inside it counted for it', async () => {
    const r = await send('POST', '/api/focus-areas', { name: 'Kampung Uji / Tebet', aliases: ['Uji'], notes: 'test', geometry: polygon(first) });
    expect(r.status).toBe(201);
    id = r.body.focusArea.id;
    expect(id).toBe('kampung-uji-tebet');
    expect(r.body.focusArea).toMatchObject({ version: 1, updatedBy: 'test-analyst', approximate: true });
    expect(r.body.focusArea.kelurahanCode).toMatch(/^31\.74\./);
    const inside = await countInside(first);
    expect(inside).toBeGreaterThan(0);
    expect(await focusTotal(id)).toBe(inside);
    const events = (await t.get(`/api/events?bbox=${first.join(',')}&from=${period.from}&to=${period.to}&limit=100000`)).body.features;
    expect(events.every((f: any) => f.properties.focusAreaId === id)).toBe(true);
    // The same name again gets the next free slug.
    const twin = await send('POST', '/api/focus-areas', { name: 'Kampung Uji / Tebet', geometry: polygon([106.86513, -6.25013, 106.86907, -6.24607]) });
    expect(twin.body.focusArea.id).toBe('kampung-uji-tebet-2');
    expect((await send('POST', '/api/focus-areas', { id, name: 'Dup', geometry: polygon(first) })).status).toBe(409);
  });

  it('moving the outline moves the events with it: indicators, trend and briefing follow', async () => {
    const r = await send('PUT', `/api/focus-areas/${id}`, { version: 1, geometry: polygon(moved) });
    expect(r.status).toBe(200);
    expect(r.body.changed).toContain('geometry');
    const inside = await countInside(moved);
    expect(await focusTotal(id)).toBe(inside);
    const trend = await t.get(`/api/indicators/trend?area=${id}&from=${period.from}&to=${period.to}`);
    expect(trend.status).toBe(200);
    const left = (await t.get(`/api/events?bbox=${first[0]},${first[1]},${moved[0] - 0.00001},${first[3]}&from=${period.from}&to=${period.to}&limit=100000`))
      .body.features;
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((f: any) => f.properties.focusAreaId === null)).toBe(true);
    const briefing = await t.get(`/api/briefings/${id}?from=${period.from}&to=${period.to}`);
    expect(briefing.status).toBe(200);
  });

  it('deletes with the current version, keeps the history with the previous outline', async () => {
    expect((await send('DELETE', `/api/focus-areas/${id}?version=1`)).status).toBe(409);
    const r = await send('DELETE', `/api/focus-areas/${id}?version=2`);
    expect(r.status).toBe(200);
    expect(r.body.deleted).toBe(id);
    expect((await t.get(`/api/focus-areas/${id}`)).status).toBe(404);
    expect((await t.get('/api/areas?level=focus')).body.features.map((f: any) => f.id)).not.toContain(id);
    expect(await focusTotal(id)).toBeUndefined();
    const h = await t.get(`/api/focus-areas/${id}/history`);
    expect(h.status).toBe(200);
    expect(h.body.entries.map((e: any) => [e.version, e.action, e.username])).toEqual([
      [3, 'deleted', 'test-analyst'],
      [2, 'updated', 'test-analyst'],
      [1, 'created', 'test-analyst'],
    ]);
    expect(h.body.entries[1].previous.geometry).toEqual(polygon(first));
    const actions = (await t.get('/api/audit?username=test-analyst', 'admin')).body.entries.map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['focus_area_created', 'focus_area_updated', 'focus_area_deleted']));
    expect((await t.get('/api/focus-areas/never-was/history')).status).toBe(404);
  });

  it('refuses edits from another site and from viewers', async () => {
    const cross = await send('PUT', '/api/focus-areas/kampung-boncos', { version: 1, name: 'x' }, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect(cross.body.error.code).toBe('cross_site_request');
    const res = await t.request('/api/focus-areas/kampung-boncos', {
      as: 'viewer',
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1, name: 'x' }),
    });
    expect(res.status).toBe(403);
    expect((await t.get('/api/focus-areas/kampung-boncos')).body.focusArea.name).toBe('Kampung Boncos');
  });
});
