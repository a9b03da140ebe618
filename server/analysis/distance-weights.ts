// Distance-based weights on the sphere: k nearest neighbours and distance bands by great-circle (haversine) distance, as libpysal's KNN and DistanceBand, searched through a latitude/longitude grid so large inputs stay near-linear.
import { AnalysisInputError } from './errors.js';
import { assertSiteGeometry, type Site } from './geometry.js';
import { siteLocation } from './centroid.js';
import { EARTH_RADIUS_KM, haversineRadKm } from './haversine.js';
import { assertUniqueIds, createRowBuilder, type SpatialWeights } from './weights.js';

const RAD = Math.PI / 180;

interface Located {
  readonly n: number;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly cosLat: Float64Array;
  readonly maxAbsLat: number;
}

function locate(sites: ReadonlyArray<Site>): Located {
  const n = sites.length;
  const lat = new Float64Array(n);
  const lng = new Float64Array(n);
  const cosLat = new Float64Array(n);
  let maxAbsLat = 0;
  sites.forEach((s, i) => {
    assertSiteGeometry(s.id, s.geometry);
    const [x, y] = siteLocation(s.geometry);
    lat[i] = y * RAD;
    lng[i] = x * RAD;
    cosLat[i] = Math.cos(lat[i]);
    maxAbsLat = Math.max(maxAbsLat, Math.abs(lat[i]));
  });
  return { n, lat, lng, cosLat, maxAbsLat };
}

/** Points bucketed into cells of `dLat` x `dLng` radians; cells are looked up by packed row/column key. */
interface Grid {
  readonly dLat: number;
  readonly dLng: number;
  readonly rows: number;
  readonly cols: number;
  row(i: number): number;
  col(i: number): number;
  /** Indices of the points in cell (r, c), ascending; empty outside the grid. */
  cell(r: number, c: number): Int32Array;
}

function buildGrid(p: Located, dLat: number, dLng: number): Grid {
  let minLat = Infinity;
  let minLng = Infinity;
  let maxLat = -Infinity;
  let maxLng = -Infinity;
  for (let i = 0; i < p.n; i++) {
    minLat = Math.min(minLat, p.lat[i]);
    maxLat = Math.max(maxLat, p.lat[i]);
    minLng = Math.min(minLng, p.lng[i]);
    maxLng = Math.max(maxLng, p.lng[i]);
  }
  const rows = Math.floor((maxLat - minLat) / dLat) + 1;
  const cols = Math.floor((maxLng - minLng) / dLng) + 1;
  const row = (i: number): number => Math.floor((p.lat[i] - minLat) / dLat);
  const col = (i: number): number => Math.floor((p.lng[i] - minLng) / dLng);
  const keys = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) keys[i] = row(i) * cols + col(i);
  const order = Int32Array.from({ length: p.n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  const cells = new Map<number, Int32Array>();
  for (let s = 0; s < p.n; ) {
    let e = s + 1;
    while (e < p.n && keys[order[e]] === keys[order[s]]) e++;
    cells.set(keys[order[s]], order.subarray(s, e));
    s = e;
  }
  const empty = new Int32Array(0);
  return {
    dLat,
    dLng,
    rows,
    cols,
    row,
    col,
    cell: (r, c) => (r < 0 || c < 0 || r >= rows || c >= cols ? empty : (cells.get(r * cols + c) ?? empty)),
  };
}

/**
 * The longitude span (radians) beyond which two points at |lat| <= maxAbsLat are surely farther
 * apart than `km`: from hav(d) >= cos²(maxAbsLat)·hav(Δλ). Infinity when no span guarantees it.
 */
function lngSpanFor(km: number, maxAbsLat: number): number {
  const s = Math.sin(Math.min(km / EARTH_RADIUS_KM, Math.PI) / 2) / Math.cos(maxAbsLat);
  return s >= 1 || !Number.isFinite(s) ? Infinity : 2 * Math.asin(s);
}

/**
 * Binary weights linking each site to every other site within `thresholdKm` great-circle km
 * (inclusive). Polygons stand at their area-weighted centroid. The antimeridian is not wrapped.
 */
export function distanceWeights(sites: ReadonlyArray<Site>, thresholdKm: number): SpatialWeights {
  if (!Number.isFinite(thresholdKm) || thresholdKm <= 0) {
    throw new AnalysisInputError('invalid_parameter', `thresholdKm must be a positive number of kilometres, got ${thresholdKm}.`);
  }
  const ids = sites.map((s) => s.id);
  assertUniqueIds(ids);
  const p = locate(sites);
  const builder = createRowBuilder(ids);
  if (p.n === 0) return builder.finish();
  // Cells a hair wider than the band, so rounding in the cell arithmetic cannot push a pair at
  // exactly the threshold two cells apart.
  const slack = 1 + 1e-9;
  const dLat = (thresholdKm / EARTH_RADIUS_KM) * slack;
  const grid = buildGrid(p, dLat, Math.min(lngSpanFor(thresholdKm, p.maxAbsLat) * slack, 4 * Math.PI));
  for (let i = 0; i < p.n; i++) {
    const r0 = grid.row(i);
    const c0 = grid.col(i);
    for (let r = r0 - 1; r <= r0 + 1; r++) {
      for (let c = c0 - 1; c <= c0 + 1; c++) {
        for (const j of grid.cell(r, c)) {
          if (j !== i && haversineRadKm(p.lat[i], p.lng[i], p.cosLat[i], p.lat[j], p.lng[j], p.cosLat[j]) <= thresholdKm) builder.add(j, 1);
        }
      }
    }
    builder.endRow();
  }
  return builder.finish();
}

/**
 * Binary weights linking each site to its `k` nearest other sites by great-circle distance, ties
 * broken by input order (the earlier site wins); not symmetrised. Polygons stand at their
 * area-weighted centroid. Rings of grid cells are searched outwards until no unvisited cell can
 * hold a closer site.
 */
export function knnWeights(sites: ReadonlyArray<Site>, k: number): SpatialWeights {
  const ids = sites.map((s) => s.id);
  assertUniqueIds(ids);
  if (!Number.isInteger(k) || k < 1) throw new AnalysisInputError('invalid_parameter', `k must be a positive integer, got ${k}.`);
  if (k >= sites.length) {
    throw new AnalysisInputError('k_too_large', `k must be smaller than the number of sites (${sites.length}), got ${k}.`);
  }
  const p = locate(sites);
  const spanKm = Math.max(extentKm(p), 1e-6);
  // Cells sized for about two sites each on average, assuming the sites fill their bounding box.
  const cellKm = Math.max(spanKm / Math.sqrt(p.n / 2), 1e-6);
  const dLat = cellKm / EARTH_RADIUS_KM;
  const dLng = dLat / Math.max(Math.cos(p.maxAbsLat), 0.01);
  const grid = buildGrid(p, dLat, dLng);
  const maxRing = Math.max(grid.rows, grid.cols);

  const bestD = new Float64Array(k);
  const bestJ = new Int32Array(k);
  const builder = createRowBuilder(ids, p.n * k);
  for (let i = 0; i < p.n; i++) {
    let size = 0;
    const consider = (j: number): void => {
      if (j === i) return;
      const d = haversineRadKm(p.lat[i], p.lng[i], p.cosLat[i], p.lat[j], p.lng[j], p.cosLat[j]);
      if (size === k && (d > bestD[k - 1] || (d === bestD[k - 1] && j > bestJ[k - 1]))) return;
      let t = size < k ? size++ : k - 1;
      while (t > 0 && (bestD[t - 1] > d || (bestD[t - 1] === d && bestJ[t - 1] > j))) {
        bestD[t] = bestD[t - 1];
        bestJ[t] = bestJ[t - 1];
        t--;
      }
      bestD[t] = d;
      bestJ[t] = j;
    };
    const r0 = grid.row(i);
    const c0 = grid.col(i);
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let r = r0 - ring; r <= r0 + ring; r++) {
        const edge = r === r0 - ring || r === r0 + ring;
        for (let c = c0 - ring; c <= c0 + ring; c += edge || ring === 0 ? 1 : 2 * ring) {
          for (const j of grid.cell(r, c)) consider(j);
        }
      }
      if (size === k && bestD[k - 1] < ringBoundKm(ring, grid, p.maxAbsLat)) break;
    }
    for (let t = 0; t < size; t++) builder.add(bestJ[t], 1);
    builder.endRow();
  }
  return builder.finish();
}

/** A lower bound on the distance from a site to any site outside the first `ring` rings of cells around it. */
function ringBoundKm(ring: number, grid: Grid, maxAbsLat: number): number {
  const byLat = ring * grid.dLat * EARTH_RADIUS_KM;
  const span = ring * grid.dLng;
  const byLng = span >= Math.PI ? byLat : 2 * EARTH_RADIUS_KM * Math.asin(Math.cos(maxAbsLat) * Math.sin(span / 2));
  // Shaved so that rounding in the cell arithmetic cannot make the bound exceed a true distance.
  return Math.min(byLat, byLng) * (1 - 1e-9);
}

/** The longer side of the sites' bounding box in km, measured along the meridian and the widest parallel. */
function extentKm(p: Located): number {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLng = Infinity;
  let maxLng = -Infinity;
  for (let i = 0; i < p.n; i++) {
    minLat = Math.min(minLat, p.lat[i]);
    maxLat = Math.max(maxLat, p.lat[i]);
    minLng = Math.min(minLng, p.lng[i]);
    maxLng = Math.max(maxLng, p.lng[i]);
  }
  const widest = Math.max(Math.cos(minLat), Math.cos(maxLat), minLat < 0 && maxLat > 0 ? 1 : 0);
  return Math.max(maxLat - minLat, (maxLng - minLng) * widest) * EARTH_RADIUS_KM;
}
