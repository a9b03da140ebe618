// Viewers never receive a count in 1..k−1, nor one recoverable by subtracting shown values from a shown total.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
const K = 5;
beforeAll(async () => {
  t = await makeTestApp({ config: { minCell: K } });
});

const small = (v: unknown) => typeof v === 'number' && v > 0 && v < K;

/** For each additive line with exactly one null, the null would be recoverable: there must be none. */
function assertNoSingleUnknown(parts: Array<number | null>, total: number | null, label: string) {
  const unknowns = [...parts, total].filter((v) => v === null).length;
  expect(unknowns, label).not.toBe(1);
}

const filters = [
  'level=kelurahan&from=2026-10-01&to=2026-10-31',
  'level=kelurahan&from=2026-10-01&to=2026-10-31&types=dealer_arrest',
  'level=kecamatan&from=2026-09-01&to=2026-10-31&types=user_case,rehab_intake',
  'level=kota&from=2026-10-25&to=2026-10-31',
  'level=focus&from=2026-10-01&to=2026-10-31',
  'level=kelurahan&from=2025-01-01&to=2025-12-31',
];

describe.each(filters)('/api/indicators?%s as viewer', (q) => {
  it('withholds every small count and leaves no line with a single unknown', async () => {
    const r = await t.get(`/api/indicators?${q}`, 'viewer');
    expect(r.status).toBe(200);
    const { areas, totals, types } = r.body;
    for (const a of areas) {
      for (const t2 of types) expect(small(a.counts[t2]), `${a.code} ${t2}`).toBe(false);
      expect(small(a.total)).toBe(false);
      expect(small(a.previousTotal)).toBe(false);
      assertNoSingleUnknown(types.map((ty: string) => a.counts[ty]), a.total, `row ${a.code}`);
      if (a.total === null) expect([a.ratePer10k, a.change, a.changePct]).toEqual([null, null, null]);
      if (a.previousTotal === null) expect([a.change, a.changePct]).toEqual([null, null]);
    }
    for (const ty of types) {
      assertNoSingleUnknown([...areas.map((a: any) => a.counts[ty])], totals.byType[ty], `column ${ty}`);
    }
    assertNoSingleUnknown([...areas.map((a: any) => a.total), totals.outsideAreas], totals.events, 'row totals');
    assertNoSingleUnknown(types.map((ty: string) => totals.byType[ty]), totals.events, 'column totals');
    expect(r.body).not.toHaveProperty('totals.inAreas');
  });

  it('shows analysts the exact counts, of which some really are small', async () => {
    const v = await t.get(`/api/indicators?${q}`, 'viewer');
    const a = await t.get(`/api/indicators?${q}`, 'analyst');
    expect(a.body.suppression).toBeNull();
    const shownToViewer = v.body.areas.filter((x: any) => x.total !== null);
    for (const x of shownToViewer) expect(x.total).toBe(a.body.areas.find((y: any) => y.code === x.code).total);
  });
});

it('the filters above do exercise suppression (some small counts exist for analysts)', async () => {
  const a = await t.get('/api/indicators?level=kelurahan&from=2026-10-01&to=2026-10-31', 'analyst');
  expect(a.body.areas.some((x: any) => small(x.total))).toBe(true);
});

describe('/api/indicators/trend as viewer', () => {
  it.each(['kampung-boncos', '31.73.07.1006', 'jakarta'])('%s: no small monthly count, no month with one unknown', async (area) => {
    const r = await t.get(`/api/indicators/trend?area=${area}&from=2024-01-01&to=2026-10-31&types=dealer_arrest,rehab_intake`, 'viewer');
    expect(r.status).toBe(200);
    for (const m of r.body.months) {
      for (const ty of r.body.types) expect(small(m.counts[ty])).toBe(false);
      expect(small(m.total)).toBe(false);
      assertNoSingleUnknown(r.body.types.map((ty: string) => m.counts[ty]), m.total, m.month);
    }
  });
});

describe('points never reach viewers', () => {
  it('GET /api/events is refused to viewers and anonymous visitors', async () => {
    expect((await t.get('/api/events', 'viewer')).status).toBe(403);
    expect((await t.get('/api/events', 'anonymous')).status).toBe(403);
  });
});
