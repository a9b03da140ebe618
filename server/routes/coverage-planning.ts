// Coverage planning on stored data (analyst): POST /api/coverage/run builds demand per area and puskesmas supply and
// solves; /api/coverage/plans saves (re-solving from the parameters), lists, reopens and exports versioned plans;
// PATCH /api/facilities/:id edits capacity and rehab designation.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { areaCentroid } from '../analysis/centroid.js';
import { DEMAND_DEFAULTS, demandPerMonth } from '../analysis/coverage-demand.js';
import { periodDays } from '../analysis/period.js';
import { audit } from '../auth/audit.js';
import { requireRole } from '../auth/middleware.js';
import { NotFoundError, UnprocessableInputError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { AppDeps, AppEnv } from './context.js';
import { isoDate } from './query-schemas.js';
import { resolvePeriod } from './resolve-period.js';
import { validJson } from './validate.js';
import { solveCoverage } from './coverage-runner.js';

const runParams = z
  .object({
    area: z.string().regex(/^(jakarta|focus|[a-z0-9-]+|31\.\d{2})$/, 'must be "jakarta", "focus" (all focus areas), a focus area id or a kota code like 31.73'),
    basis: z.enum(['observed', 'estimated'], { message: 'must be observed or estimated' }).default('observed'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    prevalence: z.number().gt(0).lt(1, 'is a share: 0.033 means 3.3%').default(DEMAND_DEFAULTS.prevalence),
    treatmentShare: z.number().gt(0).max(1, 'is a share: 0.05 means 5%').default(DEMAND_DEFAULTS.treatmentShare),
    maxDistanceKm: z.number().positive('must be a positive distance in km').max(100).default(5),
    detourFactor: z.number().min(1, 'must be at least 1').max(10).default(1.3),
    objective: z.enum(['min-distance', 'max-coverage'], { message: 'must be min-distance or max-coverage' }).default('min-distance'),
    open: z.number().int().positive().optional(),
    locks: z
      .array(z.object({ demandId: z.string(), facilityId: z.string() }))
      .max(5000)
      .default([]),
    exclude: z.array(z.string()).max(5000).default([]),
    timeLimitS: z.number().positive().max(120).default(20),
  })
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { message: '"from" must not be later than "to"', path: ['from'] });
export type RunParams = z.infer<typeof runParams>;

const planBody = z.object({ name: z.string().trim().min(1, 'is required').max(120), params: runParams });
const facilityPatch = z
  .object({ capacityPerMonth: z.number().int().min(0).max(100_000).nullable().optional(), rehab: z.boolean().optional() })
  .refine((p) => p.capacityPerMonth !== undefined || p.rehab !== undefined, { message: 'send capacityPerMonth and/or rehab' });

interface DemandUnit {
  id: string;
  name: string;
  kind: 'kelurahan' | 'focus';
  location: [number, number];
  population: number | null;
  observedCases: number;
  demand: number;
}

async function buildUnits(store: Store, p: RunParams, period: { from: string; to: string }): Promise<DemandUnit[]> {
  const kelurahan = await store.listAreas('kelurahan');
  const months = periodDays(period) / 30.4375;
  const opts = { basis: p.basis, months, prevalence: p.prevalence, treatmentShare: p.treatmentShare };
  const focus = await store.listFocusAreas();
  const byFocus = p.area === 'focus' || focus.some((f) => f.id === p.area);
  const counts = await store.countEvents({ ...period, types: ['user_case'] }, byFocus ? 'focus' : 'area');
  const observed = (key: string) => counts.filter((c) => c.key === key).reduce((s, c) => s + c.count, 0);
  let raw: Omit<DemandUnit, 'demand'>[];
  if (byFocus) {
    const pop = new Map(kelurahan.map((k) => [k.code, k.population]));
    raw = focus
      .filter((f) => p.area === 'focus' || f.id === p.area)
      .map((f) => ({
        id: f.id,
        name: f.name,
        kind: 'focus',
        location: areaCentroid(f.geometry),
        population: pop.get(f.kelurahanCode) ?? null,
        observedCases: observed(f.id),
      }));
  } else {
    const chosen = p.area === 'jakarta' ? kelurahan : kelurahan.filter((k) => k.code.startsWith(`${p.area}.`));
    if (chosen.length === 0) throw new NotFoundError(`No area "${p.area}": use jakarta, focus, a focus area id or a kota code from /api/areas?level=kota.`);
    raw = chosen.map((k) => ({
      id: k.code,
      name: k.name,
      kind: 'kelurahan',
      location: areaCentroid(k.geometry),
      population: k.population,
      observedCases: observed(k.code),
    }));
  }
  return raw.map((u) => ({ ...u, demand: Math.round((demandPerMonth(u, opts) ?? 0) * 1000) / 1000 }));
}

export async function runPlan(store: Store, p: RunParams, signal?: AbortSignal) {
  const period = await resolvePeriod(store, p.from, p.to);
  const units = await buildUnits(store, p, period);
  const facilities = await store.listFacilities();
  const notes: string[] = [];
  const noCapacity = facilities.filter((f) => f.capacityPerMonth === null).length;
  if (noCapacity > 0) notes.push(`${noCapacity} puskesmas have no capacity on record and count as 0 until an analyst sets it.`);
  const noPopulation = units.filter((u) => u.population === null).length;
  if (p.basis === 'estimated' && noPopulation > 0) notes.push(`${noPopulation} area(s) have no population figure, so their estimated demand is 0.`);
  if (facilities.some((f) => f.synthetic)) notes.push('Puskesmas capacities and designations are demo values (approximate).');
  const result = await solveCoverage({
    demand: { features: units.map((u) => ({ geometry: { type: 'Point', coordinates: u.location }, properties: { id: u.id, demand: u.demand } })) },
    facilities: {
      features: facilities.map((f) => ({
        geometry: { type: 'Point', coordinates: f.location },
        properties: { id: f.id, capacity: f.capacityPerMonth ?? 0, designated: f.rehab },
      })),
    },
    maxDistanceKm: p.maxDistanceKm,
    detourFactor: p.detourFactor,
    objective: p.objective,
    open: p.objective === 'max-coverage' ? (p.open ?? facilities.filter((f) => f.rehab).length) : undefined,
    locks: p.locks,
    exclude: p.exclude,
    timeLimitS: p.timeLimitS,
  }, signal);
  const used = new Set(result.assignments.map((a) => a.facilityId));
  const designatedNow = new Set(facilities.filter((f) => f.rehab).map((f) => f.id));
  return {
    params: p,
    period,
    assumptions: {
      prevalence: p.prevalence,
      treatmentShare: p.treatmentShare,
      prevalenceSource: 'BNN Survei Prevalensi 2019 (DKI Jakarta 3.3%)',
      unit: 'clients per month',
    },
    demand: units,
    facilities: facilities
      .filter((f) => used.has(f.id) || f.rehab)
      .map((f) => ({
        id: f.id,
        name: f.name,
        level: f.level,
        location: f.location,
        capacity: f.capacityPerMonth ?? 0,
        rehab: f.rehab,
        synthetic: f.synthetic,
      })),
    /** Puskesmas the plan opens that are not designated for rehab yet: to designate, staff or revitalise. */
    proposedDesignations: result.facilities.filter((f) => f.open && f.load > 0 && !designatedNow.has(f.id)).map((f) => f.id),
    result: { ...result, facilities: result.facilities.filter((f) => f.load > 0 || designatedNow.has(f.id)) },
    notes,
  };
}

export function planSummary(run: Awaited<ReturnType<typeof runPlan>>) {
  const r = run.result;
  return {
    area: run.params.area,
    objective: run.params.objective,
    basis: run.params.basis,
    totalDemand: r.totalDemand,
    servedDemand: r.servedDemand,
    unmetDemand: r.totalDemand - r.servedDemand,
    meanDistanceKm: r.servedDemand > 0 ? r.weightedDistanceKm / r.servedDemand : null,
    facilitiesUsed: r.facilities.filter((f) => f.load > 0).length,
    proposedDesignations: run.proposedDesignations.length,
    optimal: r.optimal,
  };
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function coveragePlanningRoutes({ store }: AppDeps) {
  return new Hono<AppEnv>()
    .post('/coverage/run', requireRole('analyst'), validJson(runParams), async (c) => c.json(await runPlan(store, c.req.valid('json'), c.req.raw.signal)))
    .post('/coverage/plans', requireRole('analyst'), validJson(planBody), async (c) => {
      const { name, params } = c.req.valid('json');
      const run = await runPlan(store, params);
      const principal = c.get('principal');
      const plan = await store.savePlan({
        id: randomUUID(),
        name,
        params: JSON.stringify(params),
        result: JSON.stringify(run),
        summary: JSON.stringify(planSummary(run)),
        createdBy: principal?.username ?? null,
        createdAt: new Date().toISOString(),
      });
      await audit(store, c, principal, 'plan_saved', `${plan.name} v${plan.version}`, { id: plan.id });
      return c.json(
        { plan: { id: plan.id, name: plan.name, version: plan.version, createdBy: plan.createdBy, createdAt: plan.createdAt, summary: planSummary(run) }, run },
        201,
      );
    })
    .get('/coverage/plans', requireRole('analyst'), async (c) => {
      const plans = await store.listPlans();
      return c.json({ plans: plans.map((p) => ({ ...p, summary: JSON.parse(p.summary) })) });
    })
    .get('/coverage/plans/:id', requireRole('analyst'), async (c) => {
      const plan = await store.getPlan(c.req.param('id'));
      if (!plan) throw new NotFoundError('No plan with that id; list plans with GET /api/coverage/plans.');
      return c.json({
        plan: { id: plan.id, name: plan.name, version: plan.version, createdBy: plan.createdBy, createdAt: plan.createdAt, summary: JSON.parse(plan.summary) },
        run: JSON.parse(plan.result),
      });
    })
    .get('/coverage/plans/:id/export', requireRole('analyst'), async (c) => {
      const plan = await store.getPlan(c.req.param('id'));
      if (!plan) throw new NotFoundError('No plan with that id.');
      const format = c.req.query('format') ?? 'csv';
      const run: Awaited<ReturnType<typeof runPlan>> = JSON.parse(plan.result);
      const units = new Map(run.demand.map((u) => [u.id, u]));
      const facilities = new Map(run.facilities.map((f) => [f.id, f]));
      const file = `${plan.name.replace(/[^A-Za-z0-9._-]+/g, '_')}-v${plan.version}`;
      if (format === 'geojson') {
        const features = run.result.assignments.map((a) => ({
          type: 'Feature' as const,
          geometry: { type: 'LineString' as const, coordinates: [facilities.get(a.facilityId)?.location, units.get(a.demandId)?.location] },
          properties: {
            demandId: a.demandId,
            demandName: units.get(a.demandId)?.name,
            facilityId: a.facilityId,
            facilityName: facilities.get(a.facilityId)?.name,
            amount: a.amount,
            distanceKm: a.distanceKm,
          },
        }));
        c.header('Content-Disposition', `attachment; filename="${file}.geojson"`);
        return c.json({ type: 'FeatureCollection', name: `${plan.name} v${plan.version}`, features });
      }
      if (format !== 'csv') throw new UnprocessableInputError('invalid_format', 'format must be csv or geojson');
      const rows = [['demand_id', 'demand_name', 'facility_id', 'facility_name', 'clients_per_month', 'distance_km'].join(',')];
      for (const a of run.result.assignments)
        rows.push(
          [a.demandId, units.get(a.demandId)?.name, a.facilityId, facilities.get(a.facilityId)?.name, a.amount, a.distanceKm.toFixed(3)].map(csvCell).join(','),
        );
      for (const u of run.result.unmet) rows.push([u.demandId, units.get(u.demandId)?.name, '', 'UNMET', u.amount, ''].map(csvCell).join(','));
      c.header('Content-Type', 'text/csv; charset=UTF-8');
      c.header('Content-Disposition', `attachment; filename="${file}.csv"`);
      return c.body(`\uFEFF${rows.join('\n')}\n`);
    })
    .patch('/facilities/:id', requireRole('analyst'), validJson(facilityPatch), async (c) => {
      const id = c.req.param('id');
      const patch = c.req.valid('json');
      if (!(await store.updateFacility(id, patch))) throw new NotFoundError(`No puskesmas with id ${id}.`);
      await audit(store, c, c.get('principal'), 'facility_changed', id, patch);
      return c.json({ facility: (await store.listFacilities()).find((f) => f.id === id) });
    });
}
