// The briefing page's pure helpers: URL parsing, changes, trend scale, the map's fixed extent, the method line,
// the provenance notices, the hot spot classes drawn, and the small-cell display.
import { describe, expect, test } from 'vitest';
import { pdfUrl } from '../../web/briefing/briefing-api';
import { changePct, FOCUS_HALF_KM, isSafeCount, mapExtent, methodLine, notices, trendMax, trendOf } from '../../web/briefing/briefing-figures';
import { spotCells, spotKey } from '../../web/briefing/briefing-map-style';
import { briefingHref, parseBriefingParams } from '../../web/briefing/briefing-params';
import { briefingI18n } from '../../web/briefing/briefing-strings';

const square = (lng: number, lat: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng - d, lat - d],
      [lng + d, lat - d],
      [lng + d, lat + d],
      [lng - d, lat + d],
      [lng - d, lat - d],
    ],
  ],
});

describe('briefing params', () => {
  test('reads area, period, language and print; defaults to all Jakarta in Bahasa Indonesia', () => {
    expect(parseBriefingParams('?area=kampung-boncos&from=2026-01-01&to=2026-03-31&lang=en&print=1')).toEqual({
      area: 'kampung-boncos',
      from: '2026-01-01',
      to: '2026-03-31',
      lang: 'en',
      print: true,
    });
    expect(parseBriefingParams('')).toEqual({ area: 'jakarta', from: null, to: null, lang: 'id', print: false });
    expect(parseBriefingParams('?area=31.73&from=yesterday&lang=fr')).toMatchObject({ area: '31.73', from: null, lang: 'id' });
  });

  test('the PDF link and the language link keep the area and the period', () => {
    const p = parseBriefingParams('?area=31.73&lang=id');
    expect(pdfUrl(p, { from: '2025-11-01', to: '2026-10-31' })).toBe('/api/briefings/31.73.pdf?lang=id&from=2025-11-01&to=2026-10-31');
    expect(briefingHref({ ...p, from: '2025-11-01', to: '2026-10-31' }, { lang: 'en' })).toBe('/briefing?area=31.73&from=2025-11-01&to=2026-10-31&lang=en');
  });
});

describe('figures', () => {
  test('change needs both counts shown and something to compare with', () => {
    expect(changePct(152, 123)).toBeCloseTo(23.577, 3);
    expect(changePct(10, 0)).toBeNull();
    expect(changePct(null, 12)).toBeNull();
    expect(changePct(12, null)).toBeNull();
  });

  test('a withheld count reads "< k" in both languages, and only 0 or counts of at least k are safe', () => {
    expect(briefingI18n('id').count(null, 5)).toBe('< 5');
    expect(briefingI18n('en').count(1234, 5)).toBe('1,234');
    expect(briefingI18n('id').count(1234, 5)).toBe('1.234');
    expect([0, 5, 40, null].every((n) => isSafeCount(n, 5))).toBe(true);
    expect([1, 4].some((n) => isSafeCount(n, 5))).toBe(false);
  });

  test('the trend scale is at least k so a withheld month stays below the top', () => {
    const trend = [
      { month: '2026-01', byApproach: { preventive: 0, early_detection: null, curative: 8, enforcement: null }, total: 17 },
      { month: '2026-02', byApproach: { preventive: null, early_detection: null, curative: 12, enforcement: 5 }, total: 20 },
    ];
    expect(trendOf(trend, 'curative').map((p) => p.value)).toEqual([8, 12]);
    expect(trendMax(trendOf(trend, 'curative'), 5)).toBe(12);
    expect(trendMax(trendOf(trend, 'early_detection'), 5)).toBe(5);
    expect(trendOf(trend, 'total').map((p) => p.value)).toEqual([17, 20]);
  });
});

describe('map extent', () => {
  const kota = [
    { code: '31.01', geometry: square(106.55, -5.7, 0.1) },
    { code: '31.71', geometry: square(106.83, -6.18, 0.03) },
    { code: '31.74', geometry: square(106.8, -6.28, 0.05) },
  ];

  test('a focus area sits in a window of about 3 km, widened for a serving puskesmas within reach only', () => {
    const focus = square(106.803, -6.1868, 0.002);
    const [[w, s], [e, n]] = mapExtent({ kind: 'focus', geometry: focus, kota, served: [] }) ?? [
      [0, 0],
      [0, 0],
    ];
    expect((n - s) * 111.32).toBeCloseTo(2 * FOCUS_HALF_KM, 1);
    expect(w).toBeLessThan(106.801);
    expect(e).toBeGreaterThan(106.805);
    const near = mapExtent({ kind: 'focus', geometry: focus, kota, served: [[106.83, -6.1868]] });
    expect(near?.[1][0]).toBeGreaterThan(106.83);
    const far = mapExtent({ kind: 'focus', geometry: focus, kota, served: [[107.2, -6.1868]] });
    expect(far?.[1][0]).toBeLessThan(106.83);
  });

  test('all Jakarta is the mainland kota: Kepulauan Seribu would shrink the city to a dot', () => {
    const [[w, s], [e, n]] = mapExtent({ kind: 'jakarta', geometry: null, kota, served: [] }) ?? [
      [0, 0],
      [0, 0],
    ];
    expect([w, s, e, n].map((v) => Math.round(v * 100) / 100)).toEqual([106.75, -6.33, 106.86, -6.15]);
  });
});

describe('method line and notices', () => {
  const head = { method: 'gistar', resolution: 9, alpha: 0.05, fdr: false, weights: { k: 1 } };

  test('the method line names the statistic, grid, neighbourhood and significance', () => {
    expect(methodLine(head, briefingI18n('id'))).toMatch(
      /^Metode titik panas: Getis-Ord Gi\*, sel heksagon H3 resolusi 9, ketetanggaan k-ring 1, α = 0,05 tanpa koreksi FDR; .*95% atau 99%/,
    );
    expect(methodLine({ ...head, fdr: true }, briefingI18n('en'))).toMatch(
      /Getis-Ord Gi\*, H3 hexagon cells at resolution 9, k-ring 1 neighbours, α = 0.05 with FDR correction/,
    );
  });

  test('the notices follow /api/health data flags', () => {
    const none = {
      boundariesApproximate: false,
      populationApproximate: false,
      facilitiesSynthetic: false,
      focusAreasApproximate: false,
      eventsSynthetic: false,
    };
    expect(notices(none, briefingI18n('id'))).toEqual([]);
    const all = notices({ ...none, eventsSynthetic: true, boundariesApproximate: true, populationApproximate: true }, briefingI18n('id'));
    expect(all).toHaveLength(3);
    expect(all[0]).toMatch(/sintetis/);
  });
});

describe('hot spot cells on the map', () => {
  const cell = (cls: 'hot' | 'cold' | 'none', confidence: 90 | 95 | 99 | null) => ({
    h3: '898c1044807ffff',
    value: 7,
    z: 2,
    p: 0.01,
    significant: cls !== 'none',
    class: cls,
    confidence,
  });

  test('hot and cold cells by confidence; class none is not drawn', () => {
    expect(spotKey(cell('hot', 99))).toBe('hot99');
    expect(spotKey(cell('hot', 95))).toBe('hot95');
    expect(spotKey(cell('cold', 99))).toBe('cold99');
    expect(spotKey(cell('none', 90))).toBeNull();
    const fc = spotCells([cell('hot', 99), cell('none', null)]);
    expect(fc.features).toHaveLength(1);
    const ring = fc.features[0].geometry.coordinates[0];
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    expect(ring[0][0]).toBeGreaterThan(106);
  });
});
