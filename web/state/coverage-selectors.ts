// Selectors over the coverage slice: the run on screen (a saved plan from the URL, else the latest run) and the plans to compare.
import type { CoverageRun, PlanDetail } from '../api';
import type { CoverageOverlay } from '../map/coverage-layers';
import type { RawanState } from './rawan-state';
import { dataOf, type Resource } from './resource';

const LOADING: Resource<CoverageRun> = { status: 'loading' };
const planRunCache = new WeakMap<PlanDetail, Resource<CoverageRun>>();

/** The resource behind the coverage on screen: the saved plan named in the URL, or the latest run (the same object while nothing changed). */
export function shownCoverageResource(s: RawanState): Resource<CoverageRun> | null {
  const id = s.view.plan;
  if (id === null) return s.coverage.run;
  const plan = s.coverage.planDetails[id];
  if (plan === undefined || plan.status === 'loading') return LOADING;
  if (plan.status !== 'ready') return plan;
  let r = planRunCache.get(plan.data);
  if (!r) {
    r = { status: 'ready', data: plan.data.run };
    planRunCache.set(plan.data, r);
  }
  return r;
}

const overlayCache = new WeakMap<CoverageRun, CoverageOverlay>();

/** What the map draws, stable for the same run and overrides so the layers are not rebuilt for nothing. */
export function shownCoverage(s: RawanState): CoverageOverlay | null {
  const run = dataOf(shownCoverageResource(s) ?? undefined);
  if (!run) return null;
  const { locks, exclude } = s.coverage.form;
  const hit = overlayCache.get(run);
  if (hit && hit.locks === locks && hit.exclude === exclude) return hit;
  const overlay = { run, locks, exclude };
  overlayCache.set(run, overlay);
  return overlay;
}

export function shownPlan(s: RawanState): PlanDetail | null {
  return s.view.plan === null ? null : dataOf(s.coverage.planDetails[s.view.plan]);
}

export function canPlan(s: RawanState): boolean {
  return s.role === 'analyst' || s.role === 'admin';
}
