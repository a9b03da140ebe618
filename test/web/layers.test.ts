// map/layers.ts is a pure function of the view and data: stable ids, a fixed order with focus areas on top, colours by class.
import { describe, expect, test } from 'vitest';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { EmergingResponse, GiCell, HotspotsResponse, IndicatorsResponse, LisaCell } from '../../web/api';
import { EMERGING_CATEGORIES } from '../../web/hotspot-categories';
import type { AdminArea, Facility, FocusArea } from '../../web/map/features';
import { buildLayers, emergingColor, hotspotColor, LAYER_ORDER, type LayerInput } from '../../web/map/layers';
import { EMERGING_COLORS, HOTSPOT_COLORS, LISA_COLORS } from '../../web/map/palette';
import { DEFAULT_VIEW, type ViewState } from '../../web/view-state';

const square = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});

function area(code: string, x: number, level: AdminArea['level'] = 'kelurahan'): AdminArea {
  return {
    code,
    name: `Area ${code}`,
    level,
    parentCode: null,
    population: 10_000,
    populationSource: 'test',
    populationApproximate: true,
    source: 'test',
    approximate: true,
    geometry: square(x),
    centroid: [x + 0.5, 0.5],
    bounds: [
      [x, 0],
      [x + 1, 1],
    ],
  };
}

const focus: FocusArea = {
  id: 'kampung-test',
  name: 'Kampung Test',
  aliases: [],
  kelurahanCode: 'k1',
  notes: '',
  source: 'test',
  approximate: true,
  geometry: square(0),
  centroid: [0.5, 0.5],
  bounds: [
    [0, 0],
    [1, 1],
  ],
};
const facility: Facility = {
  id: 'pkm-1',
  name: 'Puskesmas Test',
  level: 'kecamatan',
  areaCode: 'k1',
  location: [0.5, 0.5],
  rehab: true,
  capacityPerMonth: 25,
  builtYear: 2000,
  source: 'test',
  approximate: true,
  synthetic: true,
};

function indicators(totals: number[]): IndicatorsResponse {
  return {
    level: 'kelurahan',
    period: { from: '2026-01-01', to: '2026-03-31', days: 90 },
    previousPeriod: { from: '2025-10-03', to: '2025-12-31' },
    types: ['user_case'],
    suppression: null,
    totals: { events: totals.reduce((a, b) => a + b, 0), byType: { user_case: 0 }, inAreas: 0, previousEvents: 0, outsideAreas: 0 },
    areas: totals.map((total, i) => ({
      code: `k${i + 1}`,
      name: `Area k${i + 1}`,
      level: 'kelurahan',
      parentCode: null,
      counts: { prevention: 0, early_detection: 0, user_case: total, rehab_intake: 0, dealer_arrest: 0 },
      total,
      population: 10_000,
      populationYear: null,
      populationApproximate: true,
      ratePer10k: total,
      previousTotal: 0,
      change: total,
      changePct: null,
      rank: i + 1,
      suppressed: [],
    })),
  };
}

const giCell = (c: Partial<GiCell>): GiCell => ({ h3: '88', value: 3, z: 2.7, p: 0.007, significant: true, class: 'hot', confidence: 99, ...c });

function hotspots(cells: HotspotsResponse['cells']): HotspotsResponse {
  return {
    method: 'gistar',
    resolution: 8,
    period: { from: '2026-01-01', to: '2026-03-31' },
    types: ['user_case'],
    alpha: 0.05,
    fdr: true,
    nCells: 100,
    eventsOutsideCells: 0,
    fdrCutoff: 0.01,
    weights: { type: 'kring', k: 1, n: 100, islands: 0, meanNeighbors: 6 },
    suppression: null,
    summary: { hot: 1 },
    cells,
  };
}

function emerging(): EmergingResponse {
  return {
    resolution: 8,
    period: { from: '2026-01-01', to: '2026-03-31' },
    slice: 'month',
    slices: [],
    types: ['user_case'],
    alpha: 0.05,
    fdr: true,
    nCells: 100,
    summary: { new_hot: 1 },
    cells: [{ h3: '8866a1b2a7fffff', category: 'new_hot', pattern: 'new', spot: 'hot', trend: { z: 1, p: 0.3, tau: 0.2 }, hotSlices: 1, coldSlices: 0 }],
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
    emerging: null,
    events: null,
    coverage: null,
    indicatorsStale: false,
    firstDrawPending: false,
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
    expect(buildLayers({ ...input(view), hotspots: hotspots([]) }, {}).map((l) => l.id)).not.toContain('hotspots');
  });

  test('the H3 layer draws the Gi* cells (or the emerging cells in the emerging view) once its class is loaded', () => {
    const cells = [giCell({ h3: '8866a1b2a7fffff' }), giCell({ h3: '8866a1b2a5fffff', class: 'cold', confidence: 90, z: -1.7 })];
    const layers = buildLayers({ ...input({ layers: ['choropleth', 'hotspots', 'focus'] }), hotspots: hotspots(cells) }, { H3HexagonLayer });
    const hex = layers.find((l) => l.id === 'hotspots');
    expect(hex?.props.data).toBe(cells);
    expect(layers.map((l) => l.id)).toEqual(['choropleth', 'hotspots', 'focus-areas', 'focus-labels']);
    const emergingView = input({ layers: ['hotspots'], hotspotMethod: 'emerging' });
    const em = buildLayers({ ...emergingView, hotspots: hotspots(cells), emerging: emerging() }, { H3HexagonLayer }).map((l) => l.id);
    expect(em).toEqual(['emerging']);
  });

  test('before the first draw only the choropleth and focus outlines are built (text and hexagons come after)', () => {
    const ids = buildLayers(
      { ...input({ layers: ['choropleth', 'hotspots', 'focus', 'facilities'] }), hotspots: hotspots([giCell({})]), firstDrawPending: true },
      { H3HexagonLayer },
    ).map((l) => l.id);
    expect(ids).toEqual(['choropleth', 'focus-areas']);
  });

  test('without indicators there is no choropleth (never colours for the wrong filter)', () => {
    expect(buildLayers({ ...input(), indicators: null }, {}).map((l) => l.id)).not.toContain('choropleth');
  });
});

describe('hotspotColor', () => {
  const lisa = (c: Partial<LisaCell>): LisaCell => ({ h3: '88', value: 3, I: 1.2, quadrant: 'HL', pSim: 0.01, significant: true, class: 'HL', ...c });
  test('Gi* hot and cold cells are coloured by their confidence when it reaches the chosen level', () => {
    expect(hotspotColor(giCell({}), 95)).toEqual([...HOTSPOT_COLORS.hot[99]]);
    expect(hotspotColor(giCell({ class: 'cold', confidence: 95 }), 95)).toEqual([...HOTSPOT_COLORS.cold[95]]);
    expect(hotspotColor(giCell({ confidence: 90 }), 95)).toEqual([...HOTSPOT_COLORS.none]);
    expect(hotspotColor(giCell({ class: 'cold', confidence: 90 }), 90)).toEqual([...HOTSPOT_COLORS.cold[90]]);
    expect(hotspotColor(giCell({ class: 'none', confidence: null }), 90)).toEqual([...HOTSPOT_COLORS.none]);
  });
  test('LISA cells are coloured by quadrant only when significant', () => {
    expect(hotspotColor(lisa({}), 95)).toEqual([...LISA_COLORS.HL]);
    expect(hotspotColor(lisa({ quadrant: 'HH', class: 'none', significant: false }), 95)).toEqual([...LISA_COLORS.none]);
  });
  test('every emerging category has its own colour', () => {
    const colours = EMERGING_CATEGORIES.map((category) => emergingColor({ category }).join(','));
    expect(new Set(colours).size).toBe(EMERGING_CATEGORIES.length);
    expect(emergingColor({ category: 'new_hot' })).toEqual([...EMERGING_COLORS.new_hot]);
  });
});
