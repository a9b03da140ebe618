// Briefing figures agree with the indicators, follow the viewer small-cell rule, and read as sentences in both languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { briefingSentences, type BriefingFigures } from '../../server/analysis/briefing-sentences.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const q = 'from=2026-08-01&to=2026-10-31';
beforeAll(async () => {
  t = await makeTestApp();
  await t.post('/api/coverage/plans', { name: 'Fokus BNN', params: { area: 'focus', maxDistanceKm: 3, from: '2025-11-01', to: '2026-10-31' } });
});

describe('GET /api/briefings/:area', () => {
  it.each(['kampung-bahari', 'kampung-boncos', 'kampung-ambon'])('%s: totals and approaches match the indicators', async (id) => {
    const b = (await t.get(`/api/briefings/${id}?${q}`)).body;
    const ind = (await t.get(`/api/indicators?level=focus&${q}`)).body.areas.find((a: any) => a.code === id);
    expect(b.figures.total).toBe(ind.total);
    expect(b.figures.previousTotal).toBe(ind.previousTotal);
    const by = Object.fromEntries(b.figures.byApproach.map((x: any) => [x.approach, x.current]));
    expect(by).toEqual({
      preventive: ind.counts.prevention,
      early_detection: ind.counts.early_detection,
      curative: ind.counts.user_case + ind.counts.rehab_intake,
      enforcement: ind.counts.dealer_arrest,
    });
    expect(b.trend.reduce((s: number, m: any) => s + m.total, 0)).toBe(ind.total);
    expect(b.coverage.plan.name).toBe('Fokus BNN');
    expect(b.sentences.length).toBeGreaterThanOrEqual(3);
    expect(b.sentences.length).toBeLessThanOrEqual(5);
    expect(b.sentences[0]).toContain(b.area.name);
  });

  it('gives viewers no count in 1..k−1 and no single withheld cell beside a total', async () => {
    for (const id of ['kampung-bahari', 'kampung-boncos', 'kampung-ambon', '31.73', 'jakarta']) {
      const b = (await t.get(`/api/briefings/${id}?${q}`, 'viewer')).body;
      const small = (v: unknown) => typeof v === 'number' && v > 0 && v < 5;
      const lines = [
        { parts: b.figures.byApproach.map((x: any) => x.current), total: b.figures.total },
        { parts: b.figures.byApproach.map((x: any) => x.previous), total: b.figures.previousTotal },
        ...b.trend.map((m: any) => ({ parts: Object.values(m.byApproach), total: m.total })),
      ];
      for (const l of lines) {
        for (const v of [...l.parts, l.total]) expect(small(v), id).toBe(false);
        expect([...l.parts, l.total].filter((v) => v === null).length).not.toBe(1);
      }
      expect(JSON.stringify(b)).not.toMatch(/"(lng|lat)"|"events"|"id":"demo-0/);
    }
  });

  it('the all-Jakarta briefing carries the three focus areas beside the city', async () => {
    const b = (await t.get(`/api/briefings/jakarta?${q}&lang=en`)).body;
    expect(b.area.kind).toBe('jakarta');
    expect(b.focusAreas.map((f: any) => f.area.id).sort()).toEqual(['kampung-ambon', 'kampung-bahari', 'kampung-boncos']);
    expect(b.sentences[0]).toMatch(/^From 1 August 2026 to 31 October 2026, [\d,]+ events were recorded in DKI Jakarta/);
  });

  it('answers 404 for an unknown area and 400 for a bad language', async () => {
    expect((await t.get(`/api/briefings/kampung-xyz?${q}`)).status).toBe(404);
    expect((await t.get(`/api/briefings/DROP%20TABLE?${q}`)).status).toBe(404);
    expect((await t.get(`/api/briefings/jakarta?lang=fr`)).status).toBe(400);
  });
});

describe('briefingSentences', () => {
  const base: BriefingFigures = {
    name: 'Area X',
    from: '2026-07-01',
    to: '2026-09-30',
    total: { current: 70, previous: 50 },
    byApproach: {
      preventive: { current: 10, previous: 10 },
      early_detection: { current: 21, previous: 15 },
      curative: { current: 30, previous: 20 },
      enforcement: { current: 9, previous: 5 },
    },
    rank: { rank: 2, of: 3, among: 'focus' },
    coverage: null,
    spare: [
      { name: 'PKM A', km: 1.2, spare: 4 },
      { name: 'PKM B', km: 2.9, spare: 1 },
    ],
    spareRadiusKm: 3,
    minCell: 5,
  };

  it('writes the hand-checked Indonesian sentences', () => {
    expect(briefingSentences(base, 'id')).toEqual([
      'Selama 1 Juli 2026 – 30 September 2026 tercatat 70 kejadian di Area X, naik 40% dibanding periode sebelumnya yang sama panjangnya.',
      // curative +50% beats enforcement +80%? enforcement's 5 → 9 is +80%: the largest move wins.
      'Penangkapan pengedar naik 80% (dari 5 menjadi 9).',
      'Menurut jumlah kejadian, Area X berada di peringkat 2 dari 3 area fokus.',
      'Belum ada rencana cakupan puskesmas yang disimpan untuk area ini.',
      '2 puskesmas dalam radius 3 km masih memiliki kapasitas rawat jalan tersisa (PKM A, PKM B).',
    ]);
  });

  it('says "fewer than k" for a withheld total and skips changes it cannot state', () => {
    const s = briefingSentences(
      { ...base, total: { current: null, previous: 50 }, byApproach: { ...base.byApproach, enforcement: { current: null, previous: 5 } } },
      'en',
    );
    expect(s[0]).toBe('From 1 July 2026 to 30 September 2026, fewer than 5 events were recorded in Area X.');
    expect(s[1]).toBe('Curative cases (users and rehab intakes) rose 50% (from 20 to 30).');
  });
});
