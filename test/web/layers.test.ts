// map/layers.ts is a pure function of the view and data: stable ids, a fixed order with focus areas on top, colours by class.
import { describe, expect, test } from 'vitest';
import type { HotspotCell, IndicatorsResponse } from '../../web/api';
import type { AdminArea, Facility, FocusArea } from '../../web/map/features';
import { buildLayers, hotspotColor, LAYER_ORDER, type LayerInput } from '../../web/map/layers';
import { HOTSPOT_COLORS, LISA_COLORS } from '../../web/map/palette';
import { DEFAULT_VIEW, type ViewState } from '../../web/view-state';

const square = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });

function area(code: string, x: number, level: AdminArea['level'] = 'kelurahan'): AdminArea {
  return { code, name: `Area ${code}`, level, parentCode: null, population: 10_000, populationSource: 'test', populationApproximate: true, source: 'test', approximate: true, geometry: square(x), centroid: [x + 0.5, 0.5], bounds: [[x, 0], [x + 1, 1]] };
}

const focus: FocusArea = { id: 'kampung-test', name: 'Kampung Test', aliases: [], kelurahanCode: 'k1', notes: '', source: 'test', approximate: true, geometry: square(0), centroid: [0.5, 0.5], bounds: [[0, 0], [1, 1]] };
const facility: Facility = { id: 'pkm-1', name: 'Puskesmas Test', level: 'kecamatan', areaCode: 'k1', location: [0.5, 0.5], rehab: true, capacityPerMonth: 25, builtYear: 2000, source: 'test', approximate: true, synthetic: true };

function indicators(totals: number[]): IndicatorsResponse {
  return {
    level: 'kelurahan',
    period: { from: '2026-01-01', to: '2026-03-31', days: 90 },
    previousPeriod: { from: '2025-10-03', to: '2025-12-31' },
    types: ['user_case'],
    suppression: null,
    totals: { events: totals.reduce((a, b) => a + b, 0), byType: { user_case: 0 }, inAreas: 0, previousEvents: 0, outsideAreas: 0 },
    areas: totals.map((total, i) => ({ code: `k${i + 1}`, name: `Area k${i + 1}`, level: 'kelurahan', parentCode: null, counts: { prevention: 0, early_detection: 0, user_case: total, rehab_intake: 0, dealer_arrest: 0 }, total, population: 10_000, populationYear: null, populationApproximate: true, ratePer10k: total, previousTotal: 0, change: total, changePct: null, rank: i + 1 })),
  };
}

function input(view: Partial<ViewState> = {}, zoom = 12): LayerInput {
  const areas = [area('k1', 0), area('k2', 1), area('k3', 2)];
  return {
    view: { ...DEFAULT_VIEW, from: '2026-01-01', to: '2026-03-31', ...view },
    zoom,
    areas,
    indicators: indicators([1, 5, 9]),
    kota: [area('31.71', 0, 'kota')],
    kelurahan: areas,
    focus: [focus],
    facilities: [facility],
    hotspots: null,
    events: null,
    indicatorsStale: false,
  };
}

describe('buildLayers', () => {
  test('default view: choropleth under puskesmas under focus areas, which are on top', () => {
    const ids = buildLayers(input(), {}).map((l) => l.id);
    expect(ids).toEqual(['choropleth', 'facilities', 'focus-areas', 'focus-labels']);
    const order = ids.map((id) => LAYER_ORDER.findIndex((known) => known === id));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('ids are stable across rebuilds and switching a layer off removes only that layer', () => {
    const a = buildLayers(input(), {}).map((l) => l.id);
    const b = buildLayers(input(), {}).map((l) => l.id);
    expect(a).toEqual(b);
    const off = buildLayers(input({ layers: ['choropleth', 'focus'] }), {}).map((l) => l.id);
    expect(off).toEqual(['choropleth', 'focus-areas', 'focus-labels']);
  });

  test('a selected area gets an outline layer; labels follow the zoom', () => {
    expect(buildLayers(input({ selection: { kind: 'area', code: 'k2' } }), {}).map((l) => l.id)).toContain('selection');
    expect(buildLayers(input({}, 10), {}).map((l) => l.id)).toContain('area-labels');
    expect(buildLayers(input({}, 14), {}).map((l) => l.id)).toContain('area-labels');
  });

  test('hotspot and heatmap layers appear only once their lazily loaded classes are given', () => {
    const view = { layers: [...DEFAULT_VIEW.layers, 'hotspots' as const] };
    const withData = { ...input(view), hotspots: { method: 'gistar' as const, resolution: 8, period: { from: '', to: '' }, types: [], alpha: 0.05, fdr: true, fdrCutoff: null, weights: { type: 'kring', k: 1, n: 0, islands: 0, meanNeighbors: 0 }, nCells: 0, cells: [] } };
    expect(buildLayers(withData, {}).map((l) => l.id)).not.toContain('hotspots');
  });

  test('without indicators there is no choropleth (never colours for the wrong filter)', () => {
    expect(buildLayers({ ...input(), indicators: null }, {}).map((l) => l.id)).not.toContain('choropleth');
  });
});

describe('hotspotColor', () => {
  const cell = (c: Partial<HotspotCell>): HotspotCell => ({ h3: '88', value: 3, z: 2.7, p: 0.007, significant: true, class: 'hot', confidence: 99, ...c });
  test('Gi* hot and cold cells are coloured by their confidence when it reaches the chosen level', () => {
    expect(hotspotColor(cell({}), 'gistar', 95)).toEqual([...HOTSPOT_COLORS.hot[99]]);
    expect(hotspotColor(cell({ class: 'cold', confidence: 95 }), 'gistar', 95)).toEqual([...HOTSPOT_COLORS.cold[95]]);
    expect(hotspotColor(cell({ confidence: 90 }), 'gistar', 95)).toEqual([...HOTSPOT_COLORS.none]);
    expect(hotspotColor(cell({ class: 'none', confidence: null }), 'gistar', 90)).toEqual([...HOTSPOT_COLORS.none]);
  });
  test('LISA cells are coloured by quadrant only when significant', () => {
    expect(hotspotColor(cell({ class: 'HL' }), 'lisa', 95)).toEqual([...LISA_COLORS.HL]);
    expect(hotspotColor(cell({ class: 'HH', significant: false }), 'lisa', 95)).toEqual([...LISA_COLORS.none]);
  });
});
