// Pure: the coverage planner's form (percentages as typed) and the run parameters the server takes (shares), with range checks and override toggles.
import type { CoverageRun, CoverageRunParams } from '../api';

export type CoverageBasis = 'observed' | 'estimated';
export type CoverageObjective = 'min-distance' | 'max-coverage';

/** An area the planner has tied to one puskesmas, whatever the solver would have chosen. */
export interface CoverageLock {
  demandId: string;
  facilityId: string;
}

export interface CoverageForm {
  /** 'focus' (BNN's three focus areas), one focus area id, 'jakarta', or a kota code such as 31.73. */
  area: string;
  basis: CoverageBasis;
  /** Percent, as the planner types it: 3.3 means 3.3% (sent as the share 0.033). */
  prevalencePct: number;
  treatmentSharePct: number;
  maxDistanceKm: number;
  detourFactor: number;
  objective: CoverageObjective;
  /** Puskesmas to open under max-coverage; null lets the server open as many as are designated. */
  open: number | null;
  locks: CoverageLock[];
  exclude: string[];
  timeLimitS: number;
}

/** Form fields a problem can name; each has a message `coverage.problem.<field>`. */
export type CoverageProblem = 'prevalence' | 'treatment' | 'distance' | 'detour' | 'open' | 'time';

export const COVERAGE_LIMITS = { maxDistanceKm: 100, minDetour: 1, maxDetour: 10, maxTimeLimitS: 120 } as const;

/** BNN's 2019 survey put DKI Jakarta at 3.3% prevalence; 5% seeking treatment is a planner's assumption. */
export const DEFAULT_COVERAGE_FORM: CoverageForm = {
  area: 'focus',
  basis: 'estimated',
  prevalencePct: 3.3,
  treatmentSharePct: 5,
  maxDistanceKm: 5,
  detourFactor: 1.3,
  objective: 'min-distance',
  open: null,
  locks: [],
  exclude: [],
  timeLimitS: 20,
};

/** A percentage as a share without float noise: shareOf(3.3) is exactly 0.033. */
export function shareOf(pct: number): number {
  return Number((pct / 100).toFixed(10));
}

/** A share as a percentage without float noise: pctOf(0.033) is exactly 3.3. */
export function pctOf(share: number): number {
  return Number((share * 100).toFixed(8));
}

/** The body of POST /api/coverage/run; the period is the dashboard's (null lets the server choose its default). */
export function formToParams(form: CoverageForm, period: { from: string; to: string } | null): CoverageRunParams {
  const params: CoverageRunParams = {
    area: form.area,
    basis: form.basis,
    prevalence: shareOf(form.prevalencePct),
    treatmentShare: shareOf(form.treatmentSharePct),
    maxDistanceKm: form.maxDistanceKm,
    detourFactor: form.detourFactor,
    objective: form.objective,
    locks: form.locks.map((l) => ({ demandId: l.demandId, facilityId: l.facilityId })),
    exclude: [...form.exclude],
    timeLimitS: form.timeLimitS,
  };
  if (period) {
    params.from = period.from;
    params.to = period.to;
  }
  if (form.objective === 'max-coverage' && form.open !== null) params.open = form.open;
  return params;
}

/** The form a run (or saved plan) was computed from, so a re-run starts where it left off. */
export function paramsToForm(params: CoverageRun['params']): CoverageForm {
  return {
    area: params.area,
    basis: params.basis,
    prevalencePct: pctOf(params.prevalence),
    treatmentSharePct: pctOf(params.treatmentShare),
    maxDistanceKm: params.maxDistanceKm,
    detourFactor: params.detourFactor,
    objective: params.objective,
    open: params.open ?? null,
    locks: params.locks.map((l) => ({ demandId: l.demandId, facilityId: l.facilityId })),
    exclude: [...params.exclude],
    timeLimitS: params.timeLimitS,
  };
}

const finite = (n: number) => typeof n === 'number' && Number.isFinite(n);

/** The fields out of the range the server accepts, in form order; empty when the form can run. */
export function formProblems(form: CoverageForm): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  if (!finite(form.prevalencePct) || form.prevalencePct <= 0 || form.prevalencePct >= 100) problems.push('prevalence');
  if (!finite(form.treatmentSharePct) || form.treatmentSharePct <= 0 || form.treatmentSharePct > 100) problems.push('treatment');
  if (!finite(form.maxDistanceKm) || form.maxDistanceKm <= 0 || form.maxDistanceKm > COVERAGE_LIMITS.maxDistanceKm) problems.push('distance');
  if (!finite(form.detourFactor) || form.detourFactor < COVERAGE_LIMITS.minDetour || form.detourFactor > COVERAGE_LIMITS.maxDetour) problems.push('detour');
  if (form.objective === 'max-coverage' && form.open !== null && (!Number.isInteger(form.open) || form.open <= 0)) problems.push('open');
  if (!finite(form.timeLimitS) || form.timeLimitS <= 0 || form.timeLimitS > COVERAGE_LIMITS.maxTimeLimitS) problems.push('time');
  return problems;
}

/** Locks an area to a puskesmas, replacing the area's earlier lock; the same lock again removes it. */
export function toggleLock(locks: readonly CoverageLock[], lock: CoverageLock): CoverageLock[] {
  const same = locks.some((l) => l.demandId === lock.demandId && l.facilityId === lock.facilityId);
  const others = locks.filter((l) => l.demandId !== lock.demandId);
  return same ? others : [...others, { demandId: lock.demandId, facilityId: lock.facilityId }];
}

/** Adds an id that is missing, removes one that is there. */
export function toggleId(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}
