// Pure: a coverage run (and the planner's overrides) in, the deck.gl layers that draw it out: unmet areas, assignment lines, demand points, puskesmas rings.
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { CoverageRun } from '../api';
import type { CoverageLock } from '../coverage/coverage-form';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { shapesOf, type AreaProps, type AreaShape } from './area-shapes';
import type { AdminArea, Facility, FocusArea } from './features';
import { COVERAGE_COLORS, type Rgba } from './palette';

export interface CoverageOverlay {
  run: CoverageRun;
  locks: readonly CoverageLock[];
  exclude: readonly string[];
}

export interface CoverageLine {
  demandId: string;
  demandName: string;
  facilityId: string;
  facilityName: string;
  from: [number, number];
  to: [number, number];
  amount: number;
  distanceKm: number;
  locked: boolean;
}

export interface CoverageDemandPoint {
  id: string;
  name: string;
  position: [number, number];
  demand: number;
  unmet: number;
}

export type UnmetProps = AreaProps & { unmetShare: number; unmet: number };

export type PlanRole = 'used' | 'proposed' | 'excluded';

export interface CoverageFacilityMark {
  id: string;
  name: string;
  position: [number, number];
  role: PlanRole;
  load: number;
  capacity: number;
}

export interface CoverageDrawing {
  lines: CoverageLine[];
  demand: CoverageDemandPoint[];
  unmetShapes: Feature<Polygon | MultiPolygon, UnmetProps>[];
  facilities: CoverageFacilityMark[];
  maxAmount: number;
}

const drawingCache = new WeakMap<CoverageRun, Map<string, CoverageDrawing>>();

/** Everything the map draws for a run, joined by id once and memoised per run and overrides. */
export function coverageDrawing(
  o: CoverageOverlay,
  kelurahan: readonly AdminArea[] | null,
  focus: readonly FocusArea[] | null,
  all: readonly Facility[] | null,
): CoverageDrawing {
  const key = `${o.locks.map((l) => `${l.demandId}>${l.facilityId}`).join(',')}|${o.exclude.join(',')}|${kelurahan ? 'k' : ''}${focus ? 'f' : ''}${all ? 'a' : ''}`;
  const hit = drawingCache.get(o.run)?.get(key);
  if (hit) return hit;
  const { run } = o;
  const demandById = new Map(run.demand.map((d) => [d.id, d]));
  const facilityById = new Map(run.facilities.map((f) => [f.id, { id: f.id, name: f.name, location: f.location }]));
  for (const f of all ?? []) if (!facilityById.has(f.id)) facilityById.set(f.id, { id: f.id, name: f.name, location: f.location });
  const locked = new Set(o.locks.map((l) => `${l.demandId}>${l.facilityId}`));
  const lines: CoverageLine[] = [];
  for (const a of run.result.assignments) {
    const d = demandById.get(a.demandId);
    const f = facilityById.get(a.facilityId);
    if (!d || !f || a.amount <= 0) continue;
    lines.push({
      demandId: d.id,
      demandName: d.name,
      facilityId: f.id,
      facilityName: f.name,
      from: f.location,
      to: d.location,
      amount: a.amount,
      distanceKm: a.distanceKm,
      locked: locked.has(`${d.id}>${f.id}`),
    });
  }
  const unmetById = new Map(run.result.unmet.map((u) => [u.demandId, u.amount]));
  const demand = run.demand.map((d) => ({ id: d.id, name: d.name, position: d.location, demand: d.demand, unmet: unmetById.get(d.id) ?? 0 }));
  const shapes = new Map<string, AreaShape>();
  for (const s of shapesOf(kelurahan ?? [])) shapes.set(s.properties.key, s);
  for (const s of shapesOf(focus ?? [])) shapes.set(s.properties.key, s);
  const unmetShapes: CoverageDrawing['unmetShapes'] = [];
  for (const d of demand) {
    const shape = shapes.get(d.id);
    if (shape && d.unmet > 1e-9)
      unmetShapes.push({ ...shape, properties: { ...shape.properties, unmet: d.unmet, unmetShare: d.demand > 0 ? d.unmet / d.demand : 1 } });
  }
  const proposed = new Set(run.proposedDesignations);
  const facilities: CoverageFacilityMark[] = [];
  for (const f of run.result.facilities) {
    const info = facilityById.get(f.id);
    if (!info || f.load <= 0) continue;
    facilities.push({ id: f.id, name: info.name, position: info.location, role: proposed.has(f.id) ? 'proposed' : 'used', load: f.load, capacity: f.capacity });
  }
  for (const id of o.exclude) {
    const info = facilityById.get(id);
    if (info) facilities.push({ id, name: info.name, position: info.location, role: 'excluded', load: 0, capacity: 0 });
  }
  const drawing = { lines, demand, unmetShapes, facilities, maxAmount: Math.max(0, ...lines.map((l) => l.amount)) };
  const perRun = drawingCache.get(run) ?? new Map<string, CoverageDrawing>();
  perRun.set(key, drawing);
  drawingCache.set(run, perRun);
  return drawing;
}

/** Line width in pixels: the area of a line's cross-section reads as clients per month, relative to the plan's largest flow. */
export function lineWidth(amount: number, maxAmount: number): number {
  if (maxAmount <= 0) return 1.5;
  return 1.5 + 9 * Math.sqrt(Math.max(0, amount) / maxAmount);
}

const ROLE_COLOR: Record<PlanRole, Rgba> = { used: COVERAGE_COLORS.used, proposed: COVERAGE_COLORS.proposed, excluded: COVERAGE_COLORS.excluded };

export function coverageUnderLayers(d: CoverageDrawing): Layer[] {
  return [
    new GeoJsonLayer<UnmetProps>({
      id: 'coverage-unmet',
      data: d.unmetShapes,
      filled: true,
      stroked: true,
      getFillColor: (f) => [
        COVERAGE_COLORS.unmetFill[0],
        COVERAGE_COLORS.unmetFill[1],
        COVERAGE_COLORS.unmetFill[2],
        Math.round(60 + 140 * f.properties.unmetShare),
      ],
      getLineColor: COVERAGE_COLORS.unmetLine,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      pickable: true,
    }),
  ];
}

/** Lines from each puskesmas to the areas it serves; with a puskesmas selected, its own lines stand out. */
export function coverageLineLayer(d: CoverageDrawing, selectedFacility: string | null): Layer {
  return new LineLayer<CoverageLine>({
    id: 'coverage-lines',
    data: d.lines,
    getSourcePosition: (l) => l.from,
    getTargetPosition: (l) => l.to,
    getColor: (l) =>
      l.locked ? COVERAGE_COLORS.lockedLine : selectedFacility !== null && l.facilityId !== selectedFacility ? [0, 105, 92, 90] : COVERAGE_COLORS.line,
    getWidth: (l) => lineWidth(l.amount, d.maxAmount),
    widthUnits: 'pixels',
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 193, 7, 220],
    updateTriggers: { getColor: selectedFacility, getWidth: d.maxAmount },
  });
}

/** Demand points (red where demand is unmet) and rings around the puskesmas the plan uses, proposes or excludes. */
export function coverageMarkLayers(d: CoverageDrawing): Layer[] {
  return [
    new ScatterplotLayer<CoverageDemandPoint>({
      id: 'coverage-demand',
      data: d.demand,
      getPosition: (p) => p.position,
      getRadius: (p) => 4 + 2 * Math.sqrt(p.demand),
      radiusUnits: 'pixels',
      radiusMaxPixels: 18,
      filled: true,
      stroked: true,
      getFillColor: (p) => (p.unmet > 1e-9 ? COVERAGE_COLORS.unmetLine : COVERAGE_COLORS.demand),
      getLineColor: COVERAGE_COLORS.demandLine,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      pickable: true,
    }),
    new ScatterplotLayer<CoverageFacilityMark>({
      id: 'coverage-facilities',
      data: d.facilities,
      getPosition: (f) => f.position,
      getRadius: (f) => (f.role === 'proposed' ? 13 : 11),
      radiusUnits: 'pixels',
      filled: true,
      stroked: true,
      getFillColor: (f) => (f.role === 'excluded' ? [97, 97, 97, 110] : [255, 255, 255, 0]),
      getLineColor: (f) => ROLE_COLOR[f.role],
      lineWidthUnits: 'pixels',
      getLineWidth: (f) => (f.role === 'proposed' ? 4 : 2.5),
      pickable: true,
    }),
  ];
}
