// POST /api/analysis/hotspots: Gi* or Local Moran's I on the caller's own FeatureCollection (no stored data is read).
import { Hono } from 'hono';
import { z } from 'zod';
import type { AreaGeometry, SiteGeometry } from '../analysis/geometry.js';
import { hotspotAnalysis, MAX_PERMUTATIONS, type WeightsSpec } from '../analysis/hotspot-analysis.js';
import { publicRoute } from '../auth/middleware.js';
import { UnprocessableInputError } from '../errors.js';
import type { AppDeps, AppEnv } from './context.js';
import { validJson } from './validate.js';

/** Most features one request may carry (also bounded by the 10 MB body limit). */
export const MAX_ANALYSIS_FEATURES = 100_000;

const position = z.array(z.number()).min(2);
const ring = z.array(position).min(4, 'a polygon ring needs at least 4 positions');
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const feature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  properties: z.record(z.string(), z.unknown()).nullable(),
  geometry: geometry.nullable(),
});
const body = z
  .object({
    features: z.object({
      type: z.literal('FeatureCollection'),
      features: z.array(feature).max(MAX_ANALYSIS_FEATURES, `at most ${MAX_ANALYSIS_FEATURES} features per request`),
    }),
    valueField: z.string().min(1).default('count'),
    method: z.enum(['gistar', 'lisa'], { message: 'must be "gistar" or "lisa"' }).default('gistar'),
    weights: z
      .object({
        type: z.enum(['queen', 'rook', 'knn', 'distance', 'kring'], { message: 'must be one of queen, rook, knn, distance, kring' }),
        k: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
        thresholdKm: z.number().positive('must be a positive distance in km').optional(),
        transform: z.enum(['B', 'R'], { message: 'must be "B" (binary) or "R" (row-standardised)' }).optional(),
      })
      .default({ type: 'queen' }),
    permutations: z.number().int().min(0, 'must be 0 or more').max(MAX_PERMUTATIONS, `must be at most ${MAX_PERMUTATIONS}`).default(999),
    seed: z.number().int().default(12345),
    alpha: z.number().gt(0, 'must be between 0 and 1').lt(1, 'must be between 0 and 1').default(0.05),
    fdr: z.boolean().default(false),
  })
  .refine((b) => b.weights.type !== 'knn' || b.weights.k !== undefined, { message: 'knn weights need k', path: ['weights', 'k'] })
  .refine((b) => b.weights.type !== 'distance' || b.weights.thresholdKm !== undefined, {
    message: 'distance weights need thresholdKm',
    path: ['weights', 'thresholdKm'],
  });

type Body = z.infer<typeof body>;

function readFeatures(b: Body) {
  const ids: string[] = [];
  /** The ids as the caller wrote them (numbers stay numbers in the answer). */
  const originalIds: Array<string | number> = [];
  const values: number[] = [];
  const geometries: SiteGeometry[] = [];
  const problems: Array<{ index: number; id: string | null; message: string }> = [];
  b.features.features.forEach((f, i) => {
    const raw = f.properties?.id ?? f.id;
    const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : null;
    if (id === null) problems.push({ index: i, id, message: `feature ${i + 1} has no "id" property` });
    const v = f.properties?.[b.valueField];
    if (typeof v !== 'number' || !Number.isFinite(v))
      problems.push({
        index: i,
        id,
        message: `feature ${id ?? i + 1} has ${v === undefined ? 'no' : `a non-numeric (${JSON.stringify(v)})`} "${b.valueField}" value`,
      });
    if (f.geometry === null && b.weights.type !== 'kring') problems.push({ index: i, id, message: `feature ${id ?? i + 1} has no geometry` });
    ids.push(id ?? '');
    originalIds.push(typeof raw === 'number' ? raw : (id ?? ''));
    values.push(typeof v === 'number' ? v : NaN);
    if (f.geometry !== null) geometries.push(f.geometry);
  });
  if (problems.length > 0) {
    const code = problems.some((p) => p.id === null) ? 'missing_id' : 'non_numeric_value';
    throw new UnprocessableInputError(
      code,
      `${problems.length} feature(s) cannot be analysed: ${problems
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}${problems.length > 3 ? '; …' : ''}`,
      problems.slice(0, 100).map((p) => ({ ...p, message: p.message })),
    );
  }
  return { ids, originalIds, values, geometries };
}

function weightsSpec(b: Body, geometries: SiteGeometry[]): WeightsSpec {
  const w = b.weights;
  if (w.type === 'kring') return { type: 'kring', k: w.k ?? 1 };
  if (w.type === 'knn') return { type: 'knn', k: w.k ?? 1, geometries };
  if (w.type === 'distance') return { type: 'distance', thresholdKm: w.thresholdKm ?? 1, geometries };
  const areas = geometries.filter((g): g is AreaGeometry => g.type !== 'Point');
  if (areas.length !== geometries.length)
    throw new UnprocessableInputError(
      'invalid_geometry',
      `${w.type} contiguity needs Polygon or MultiPolygon features; use knn or distance weights for points.`,
    );
  return { type: w.type, geometries: areas };
}

export function hotspotAnalysisRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>().post('/analysis/hotspots', publicRoute, validJson(body), async (c) => {
    const b = c.req.valid('json');
    const { ids, originalIds, values, geometries } = readFeatures(b);
    const transform = b.weights.transform ?? (b.method === 'gistar' ? 'B' : 'R');
    const params = {
      valueField: b.valueField,
      method: b.method,
      weights: { ...b.weights, transform },
      permutations: b.method === 'lisa' ? b.permutations : undefined,
      seed: b.method === 'lisa' ? b.seed : undefined,
      alpha: b.alpha,
      fdr: b.fdr,
      distance: 'great-circle km, sphere radius 6371.0088',
      fdrMethod: b.fdr ? 'Benjamini–Hochberg across all features' : null,
    };
    const noPermutations = b.method === 'lisa' && b.permutations === 0;
    const analysis = hotspotAnalysis({
      ids,
      values,
      weights: weightsSpec(b, geometries),
      method: b.method,
      permutations: noPermutations ? 1 : b.permutations,
      seed: b.seed,
      alpha: b.alpha,
      fdr: b.fdr,
      transform,
    });
    const results = (
      analysis.method === 'lisa' && noPermutations ? analysis.features.map((f) => ({ ...f, pSim: null, significant: false, class: 'none' as const })) : analysis.features
    ).map((f, i) => ({ ...f, id: originalIds[i] }));
    return c.json({ results, weights: analysis.weights, ...(analysis.fdrCutoff === undefined ? {} : { fdrCutoff: analysis.fdrCutoff }), params });
  });
}
