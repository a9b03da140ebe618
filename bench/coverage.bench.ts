// Solve times of POST /api/analysis/coverage's core (issue 5 targets): min-distance for 6,000 demand points × 334 facilities within 5 km (optimal within 2 s), and max-coverage opening 40 of 334 for 267 demand points (optimal or within a 1% gap within 30 s), on seeded-random points over Jakarta and, when ../shared/data/jakarta is present, on the real kelurahan centroids and puskesmas.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { coverageAnalysis } from '../server/analysis/coverage-analysis.js';
import type { CoverageRequest } from '../server/analysis/coverage-types.js';
import { createRandom, type Random } from '../server/analysis/random.js';
import { printTable } from './measure.js';

export interface CoverageBenchRow {
  name: string;
  n: number;
  ms: number;
  optimal: boolean;
  gap: number;
}

/** Uniform points over Jakarta's bounding box, lng 106.70..106.95, lat −6.35..−6.10. */
function jakartaPoint(random: Random): [number, number] {
  return [106.7 + 0.25 * random(), -6.35 + 0.25 * random()];
}

function instance(seed: number, demandPoints: number, demandRange: [number, number], capacityRange: [number, number], designatedEvery: number): CoverageRequest {
  const random = createRandom(seed);
  const between = ([lo, hi]: [number, number]) => lo + Math.floor(random() * (hi - lo + 1));
  return {
    demand: {
      features: Array.from({ length: demandPoints }, (_, i) => ({
        geometry: { type: 'Point', coordinates: jakartaPoint(random) },
        properties: { id: `d${i}`, demand: between(demandRange) },
      })),
    },
    facilities: {
      features: Array.from({ length: 334 }, (_, j) => ({
        geometry: { type: 'Point', coordinates: jakartaPoint(random) },
        properties: { id: `pkm${j}`, capacity: between(capacityRange), designated: designatedEvery > 0 && j % designatedEvery === 0 },
      })),
    },
    maxDistanceKm: 5,
    objective: 'min-distance',
  };
}

const SHARED = new URL('../../shared/data/jakarta/', import.meta.url);

/**
 * The 267 kelurahan (centroids, Dukcapil 2020 population) and 334 puskesmas of the shared reference
 * data: monthly demand = population × 3.3% (BNN 2019) × 10% seeking treatment / 12; capacity 80 a
 * month at a kecamatan puskesmas, 40 at a kelurahan one (assumed, for timing only).
 */
function realInstance(): CoverageRequest | null {
  const file = (name: string) => new URL(name, SHARED);
  const names = ['jakarta_kelurahan_cahyadsn.geojson', 'jakarta_puskesmas_petadasar.geojson', 'jakarta_kelurahan_population_dukcapil2020.csv'];
  if (!names.every((n) => existsSync(file(n)))) return null;
  const [kelurahan, puskesmas] = names.slice(0, 2).map((n) => JSON.parse(readFileSync(file(n), 'utf8')));
  const rows = readFileSync(file(names[2]), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const population = new Map(rows.map((c) => [c[0], Number(c[7])]));
  return {
    demand: {
      features: kelurahan.features.map((f: { properties: { kode_kemendagri: string; lng: number; lat: number } }) => ({
        geometry: { type: 'Point', coordinates: [f.properties.lng, f.properties.lat] },
        properties: { id: f.properties.kode_kemendagri, demand: ((population.get(f.properties.kode_kemendagri) ?? 0) * 0.033 * 0.1) / 12 },
      })),
    },
    facilities: {
      features: puskesmas.features.map((f: { geometry: { type: 'Point'; coordinates: number[] }; properties: { tipe: string } }, j: number) => ({
        geometry: f.geometry,
        properties: { id: `pkm${j}`, capacity: f.properties.tipe === 'kecamatan' ? 80 : 40 },
      })),
    },
    maxDistanceKm: 5,
    objective: 'max-coverage',
    open: 40,
    timeLimitS: 30,
  };
}

async function timed(name: string, request: CoverageRequest): Promise<CoverageBenchRow> {
  const t0 = performance.now();
  const r = await coverageAnalysis(request);
  return { name, n: request.demand.features.length, ms: performance.now() - t0, optimal: r.optimal, gap: r.gap };
}

export async function benchCoverage(): Promise<CoverageBenchRow[]> {
  // Capacity about matches demand in total (≈ 66,800 vs ≈ 63,000), so it binds in the dense parts.
  const dense = instance(20250411, 6000, [1, 20], [100, 300], 0);
  await coverageAnalysis({ ...dense, demand: { features: dense.demand.features.slice(0, 200) } }); // warm-up (JIT)
  const runs: CoverageBenchRow[] = [];
  for (let k = 0; k < 3; k++) runs.push(await timed('min-distance, 6,000 × 334, 5 km', dense));
  runs.sort((a, b) => a.ms - b.ms);
  // 40 open facilities hold about as much as the 267 points need, the hardest regime for the MIP.
  const kelurahan = instance(11, 267, [5, 45], [100, 250], 40);
  const rows = [runs[1], await timed('max-coverage, 40 of 334 for 267, 5 km, random, tight capacity', { ...kelurahan, objective: 'max-coverage', open: 40, timeLimitS: 30 })];
  const real = realInstance();
  if (real) rows.push(await timed('max-coverage, 40 of 334 for 267 kelurahan, 5 km, shared data', real));
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchCoverage();
  printTable(
    rows.flatMap((r) => [
      { group: 'coverage', name: `${r.name} (n=${r.n.toLocaleString('en')})`, value: r.ms, unit: 'ms' },
      { group: 'coverage', name: `${r.name}: ${r.optimal ? 'optimal' : 'proven gap'}`, value: r.gap * 100, unit: '%' },
    ]),
  );
}
