// The dashboard's export helpers: the CSV/GeoJSON export URLs carry the current filters, and the PNG's title,
// legend and notice follow the view and the language.
import { describe, expect, test } from 'vitest';
import { indicatorExportQuery, indicatorExportUrl, type HealthResponse, type IndicatorsResponse } from '../../web/api';
import { EVENT_TYPES } from '../../web/event-types';
import { i18nFor } from '../../web/i18n/use-t';
import { mapPngContent, pngLegend, pngNotice } from '../../web/map/export-legend';
import { CHOROPLETH_RAMP, NO_DATA } from '../../web/map/palette';
import { DEFAULT_VIEW } from '../../web/view-state';

const q = { from: '2026-05-01', to: '2026-10-31', types: ['user_case', 'rehab_intake'] as const };

describe('indicator export URLs', () => {
  test('the CSV link carries level, period and types', () => {
    const u = new URL(indicatorExportUrl('csv', 'kecamatan', q), 'http://x/');
    expect(u.pathname).toBe('/api/exports/indicators.csv');
    expect(Object.fromEntries(u.searchParams)).toEqual({ level: 'kecamatan', from: '2026-05-01', to: '2026-10-31', types: 'user_case,rehab_intake' });
  });

  test('the GeoJSON link has the same query on its own path', () => {
    const csv = new URL(indicatorExportUrl('csv', 'kelurahan', q), 'http://x/');
    const geo = new URL(indicatorExportUrl('geojson', 'kelurahan', q), 'http://x/');
    expect(geo.pathname).toBe('/api/exports/indicators.geojson');
    expect(geo.search).toBe(csv.search);
  });

  test('is a same-origin path, and the query is built purely from its arguments', () => {
    expect(indicatorExportUrl('csv', 'kota', q).startsWith('/api/')).toBe(true);
    expect(indicatorExportQuery('focus', q)).toEqual({ level: 'focus', from: q.from, to: q.to, types: 'user_case,rehab_intake' });
  });
});

function indicators(values: number[]): IndicatorsResponse {
  const areas = values.map((v, i) => ({ code: `31.7${i}`, total: v, ratePer10k: i === 0 ? null : v / 10 }));
  // Only the fields the choropleth reads matter here.
  return { level: 'kota', period: { from: q.from, to: q.to }, types: [...q.types], areas } as unknown as IndicatorsResponse;
}

const health = (synthetic: boolean, approximate: boolean) =>
  ({
    data: {
      eventsSynthetic: synthetic,
      facilitiesSynthetic: false,
      boundariesApproximate: approximate,
      populationApproximate: false,
      focusAreasApproximate: false,
    },
  }) as unknown as HealthResponse;

describe('the PNG export content', () => {
  const view = { ...DEFAULT_VIEW, ...q, types: [...q.types], level: 'kota' as const, indicator: 'count' as const, layers: ['choropleth' as const, 'focus' as const] };

  test('the legend repeats the choropleth classes with the ramp colours, then the focus areas', () => {
    const blocks = pngLegend(view, indicators([1, 5, 9, 20, 40, 80, 120]), i18nFor('id'));
    const { t } = i18nFor('id');
    expect(blocks[0].title).toBe(`${t('filters.indicator.count')} · ${t('level.kota')}`);
    const colours = blocks[0].entries.map((e) => e.color);
    expect(colours[0]).toEqual(CHOROPLETH_RAMP[0]);
    expect(colours.at(-1)).toEqual(CHOROPLETH_RAMP.at(-1));
    expect(blocks[0].entries.every((e) => / – |^\d/.test(e.label))).toBe(true);
    expect(blocks.at(-1)?.entries.map((e) => e.label)).toEqual([i18nFor('id').t('legend.focus')]);
  });

  test('areas without a rate get a no-data entry', () => {
    const blocks = pngLegend({ ...view, indicator: 'rate' }, indicators([1, 5, 9, 20, 40, 80]), i18nFor('en'));
    expect(blocks[0].entries.at(-1)).toEqual({ color: NO_DATA, label: 'No data' });
  });

  test('title, period, types and file name follow the language', () => {
    const id = mapPngContent(view, null, health(true, true), i18nFor('id'), '2026-11-02');
    const en = mapPngContent(view, null, health(true, true), i18nFor('en'), '2026-11-02');
    expect(id.title).toContain('Peta rawan narkoba');
    expect(en.title).toContain('Drug-abuse hotspot map');
    expect(en.subtitle).toContain('1 May 2026 – 31 Oct 2026');
    expect(en.subtitle).toContain('User cases, Rehab intake');
    expect(mapPngContent({ ...view, types: [...EVENT_TYPES] }, null, null, i18nFor('en'), '2026-11-02').subtitle).toContain('All event types');
    expect(id.fileName).toBe('rawan-peta-kota-2026-05-01-2026-10-31.png');
    expect(en.fileName).toBe('rawan-map-kota-2026-05-01-2026-10-31.png');
    expect(en.footer).toContain('2 Nov 2026');
  });

  test('the notice names synthetic or approximate data, and is absent when there is no caveat', () => {
    expect(pngNotice(health(true, false), i18nFor('id'))).toMatch(/sintetis/);
    expect(pngNotice(health(false, true), i18nFor('en'))).toMatch(/approximate/);
    expect(pngNotice(health(false, false), i18nFor('en'))).toBeNull();
    expect(pngNotice(null, i18nFor('en'))).toBeNull();
  });
});
