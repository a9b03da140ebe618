// POST /api/analysis/coverage: checks the body's shape with zod, solves the capacitated coverage problem on the caller's own points (server/analysis/coverage-analysis.ts; no stored data is read, so anyone may call), and maps the solver's refusals (duplicate or unknown ids, open counts, too many pairs) to 422 with their code. Body size is bounded by the app-wide JSON limit.
import { Hono } from 'hono';
import { z } from 'zod';
import { COVERAGE_LIMITS, type CoverageResult } from '../analysis/coverage-types.js';
import { publicRoute } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from './context.js';
import { validJson } from './validate.js';
import { solveCoverage } from './coverage-runner.js';

const featureId = z.union([z.string().min(1, 'must be a non-empty string or a number'), z.number().finite()]);

const pointGeometry = z.object({
  type: z.literal('Point', 'must be "Point": demand and facilities are GeoJSON points'),
  coordinates: z
    .array(z.number())
    .min(2, 'must be [lng, lat]')
    .refine((c) => Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90, 'must be [lng, lat] with |lng| ≤ 180 and |lat| ≤ 90 (WGS84, longitude first)'),
});

function pointCollection<P extends z.ZodType>(properties: P, maxFeatures: number, what: string) {
  return z.object({
    type: z.literal('FeatureCollection', 'must be a GeoJSON FeatureCollection'),
    features: z
      .array(z.object({ type: z.literal('Feature').optional(), geometry: pointGeometry, properties }))
      .max(maxFeatures, `at most ${maxFeatures.toLocaleString('en')} ${what} per request; split the area into smaller requests`),
  });
}

const amount = (what: string) => z.number().min(0, `${what} must be a number ≥ 0`);

export const coverageRequestSchema = z.object({
  demand: pointCollection(z.object({ id: featureId, demand: amount('demand') }), COVERAGE_LIMITS.maxDemandPoints, 'demand points'),
  facilities: pointCollection(
    z.object({ id: featureId, capacity: amount('capacity'), designated: z.boolean().optional() }),
    COVERAGE_LIMITS.maxFacilities,
    'facilities',
  ),
  maxDistanceKm: z.number().min(0, 'must be a distance in km ≥ 0'),
  detourFactor: z.number().min(1, 'is road over straight-line distance, at least 1').max(COVERAGE_LIMITS.maxDetourFactor, `must be at most ${COVERAGE_LIMITS.maxDetourFactor}`).optional(),
  objective: z.enum(['min-distance', 'max-coverage'], 'must be "min-distance" or "max-coverage"'),
  open: z.number().int('must be a whole number').min(0, 'must be ≥ 0').optional(),
  locks: z.array(z.object({ demandId: featureId, facilityId: featureId })).max(COVERAGE_LIMITS.maxDemandPoints, 'at most one lock per demand point').optional(),
  exclude: z.array(featureId).max(COVERAGE_LIMITS.maxFacilities, 'at most one entry per facility').optional(),
  timeLimitS: z.number().positive('must be > 0 seconds').max(COVERAGE_LIMITS.maxTimeLimitS, `must be at most ${COVERAGE_LIMITS.maxTimeLimitS} seconds`).optional(),
});

export type CoverageRequestBody = z.infer<typeof coverageRequestSchema>;

/** Gives the answer the ids as the caller wrote them: a numeric id stays a number. */
function withOriginalIds(body: CoverageRequestBody, r: CoverageResult) {
  const demand = new Map(body.demand.features.map((f) => [String(f.properties.id), f.properties.id]));
  const fac = new Map(body.facilities.features.map((f) => [String(f.properties.id), f.properties.id]));
  return {
    ...r,
    assignments: r.assignments.map((a) => ({ ...a, demandId: demand.get(a.demandId) ?? a.demandId, facilityId: fac.get(a.facilityId) ?? a.facilityId })),
    unmet: r.unmet.map((u) => ({ ...u, demandId: demand.get(u.demandId) ?? u.demandId })),
    facilities: r.facilities.map((f) => ({ ...f, id: fac.get(f.id) ?? f.id })),
  };
}

/** The route reads nothing from `deps`: the caller sends every point it wants solved. */
export function coverageAnalysisRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>().post('/analysis/coverage', publicRoute, validJson(coverageRequestSchema), async (c) => {
    const body = c.req.valid('json');
    return c.json(withOriginalIds(body, await solveCoverage(body, c.req.raw.signal)));
  });
}
