// The URL round-trips the whole view, tolerates hand-edited links, and tells camera-only changes apart.
import { describe, expect, test } from 'vitest';
import { onlyCameraDiffers, parseView, serializeView } from '../../web/url-state';
import { DEFAULT_VIEW, type ViewState } from '../../web/view-state';

const shared: ViewState = {
  lang: 'en',
  from: '2026-05-01',
  to: '2026-10-31',
  types: ['user_case', 'rehab_intake'],
  level: 'kecamatan',
  indicator: 'rate',
  classification: 'jenks',
  layers: ['choropleth', 'hotspots', 'focus'],
  hotspotMethod: 'lisa',
  confidence: 99,
  resolution: 9,
  fdr: false,
  slice: 'quarter',
  panel: 'coverage',
  plan: '6f1c0b9e-0c1d-4d59-9a43-2b7d3f0f7a11',
  selection: { kind: 'focus', id: 'kampung-boncos' },
  camera: { lng: 106.79861, lat: -6.20444, zoom: 14.25 },
};

describe('url-state', () => {
  test('a view survives serialise → parse unchanged', () => {
    expect(parseView(serializeView(shared))).toEqual(shared);
    expect(parseView(serializeView(DEFAULT_VIEW))).toEqual(DEFAULT_VIEW);
  });

  test('the query string is readable', () => {
    const q = serializeView(shared);
    expect(q).toContain('types=user_case,rehab_intake');
    expect(q).toContain('sel=focus:kampung-boncos');
    expect(q).toContain('map=106.79861,-6.20444,14.25');
  });

  test('area and facility selections round-trip', () => {
    for (const selection of [
      { kind: 'area', code: '31.73.07.1006' },
      { kind: 'facility', id: 'demo-pkc-310101' },
    ] as const) {
      expect(parseView(serializeView({ ...shared, selection })).selection).toEqual(selection);
    }
  });

  test('invalid or missing parts fall back to defaults', () => {
    const v = parseView('?lang=fr&from=2026-13-01&to=2026-01-01&level=rt&conf=80&res=3&layers=bogus,focus&sel=nothing&map=500,1,2&types=user_case,unknown');
    expect(v.lang).toBe('id');
    expect(v.from).toBeNull();
    expect(v.level).toBe('kelurahan');
    expect(v.confidence).toBe(95);
    expect(v.resolution).toBe(8);
    expect(v.layers).toEqual(['focus']);
    expect(v.selection).toBeNull();
    expect(v.camera).toBeNull();
    expect(v.types).toEqual(['user_case']);
  });

  test('a period needs both ends in order', () => {
    expect(parseView('?from=2026-10-31&to=2026-01-01').from).toBeNull();
    expect(parseView('?from=2026-01-01').to).toBeNull();
  });

  test('an explicitly empty type list stays empty (the UI asks for at least one)', () => {
    expect(parseView('?types=').types).toEqual([]);
  });

  test('camera is rounded to 1e-5 degrees and 1/100 zoom', () => {
    expect(parseView(serializeView({ ...shared, camera: { lng: 106.123456789, lat: -6.987654321, zoom: 11.23456 } })).camera).toEqual({
      lng: 106.12346,
      lat: -6.98765,
      zoom: 11.23,
    });
  });

  test('the default indicator is the rate per 10,000 (counts mislead across kelurahan of different size)', () => {
    expect(parseView('').indicator).toBe('rate');
    expect(parseView('?ind=count').indicator).toBe('count');
  });

  test('the coverage plan id and the emerging hot spot view round-trip; a malformed plan id is dropped', () => {
    const v = parseView(serializeView({ ...shared, hotspotMethod: 'emerging' }));
    expect(v.hotspotMethod).toBe('emerging');
    expect(v.plan).toBe(shared.plan);
    expect(parseView('?plan=../../etc').plan).toBeNull();
    expect(parseView('?panel=bogus').panel).toBe('filters');
  });

  test('onlyCameraDiffers', () => {
    expect(onlyCameraDiffers(shared, { ...shared, camera: { lng: 106.8, lat: -6.2, zoom: 10 } })).toBe(true);
    expect(onlyCameraDiffers(shared, { ...shared, selection: null })).toBe(false);
  });
});
