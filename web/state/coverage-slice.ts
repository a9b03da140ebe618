// The coverage slice: the planner's form and overrides, the latest run, saved plans and their comparison, and the actions that call the server.
import type { StateCreator } from 'zustand';
import { ApiError, fetchPlan, fetchPlans, runCoverage, savePlan, updateFacility, type CoverageRun, type PlanDetail, type PlanListItem } from '../api';
import { DEFAULT_COVERAGE_FORM, formToParams, paramsToForm, toggleId, toggleLock, type CoverageForm, type CoverageLock } from '../coverage/coverage-form';
import { planBounds } from '../coverage/plan-figures';
import { periodQueryOf } from '../queries';
import type { RawanState } from './rawan-state';
import type { Resource, ResourceError } from './resource';

export interface CoverageState {
  form: CoverageForm;
  /** The latest unsaved run; a saved plan named in the URL takes its place on the map. */
  run: Resource<CoverageRun> | null;
  /** performance.now() when the running request started, for the elapsed-time indicator. */
  runStartedAt: number | null;
  /** The form or a puskesmas changed since the shown result was computed. */
  stale: boolean;
  plans: Resource<PlanListItem[]> | null;
  planDetails: Record<string, Resource<PlanDetail>>;
  /** Up to two saved plans to compare side by side. */
  compare: string[];
  /** An area waiting for the planner to click the puskesmas it should be locked to. */
  pickLockFor: string | null;
  save: { status: 'idle' | 'saving' | 'saved' | 'error'; message: string | null };
}

export interface CoverageSlice {
  coverage: CoverageState;
  setCoverageForm: (patch: Partial<CoverageForm>) => void;
  runCoverage: () => void;
  cancelCoverage: () => void;
  toggleCoverageLock: (lock: CoverageLock) => void;
  toggleCoverageExclude: (facilityId: string) => void;
  setPickLockFor: (demandId: string | null) => void;
  savePlan: (name: string) => Promise<boolean>;
  loadPlans: (force?: boolean) => void;
  loadPlan: (id: string) => void;
  /** Shows a saved plan (its id goes into the URL) and loads its parameters into the form; null returns to the latest run. */
  openPlan: (id: string | null) => void;
  toggleCompare: (id: string) => void;
  /** PATCHes a puskesmas's monthly capacity; resolves to an error message, or null when saved. */
  updateCapacity: (facilityId: string, capacityPerMonth: number | null) => Promise<string | null>;
}

const INITIAL: CoverageState = {
  form: DEFAULT_COVERAGE_FORM,
  run: null,
  runStartedAt: null,
  stale: false,
  plans: null,
  planDetails: {},
  compare: [],
  pickLockFor: null,
  save: { status: 'idle', message: null },
};

function errorOf(err: unknown): ResourceError {
  if (err instanceof ApiError) return { status: err.status, code: err.code, message: err.message };
  return { status: 0, code: 'client_error', message: err instanceof Error ? err.message : String(err) };
}

export const createCoverageSlice: StateCreator<RawanState, [], [], CoverageSlice> = (set, get) => {
  // The running request's controller is not state (not serialisable); it only lets Cancel abort the fetch.
  let running: AbortController | null = null;
  const patch = (p: Partial<CoverageState>) => set((s) => ({ coverage: { ...s.coverage, ...p } }));
  const editForm = (p: Partial<CoverageForm>) => set((s) => ({ coverage: { ...s.coverage, form: { ...s.coverage.form, ...p }, stale: true } }));

  /** Brings the plan's areas and the puskesmas serving them into view. */
  function showOnMap(run: CoverageRun): void {
    const bounds = planBounds(run);
    // The legend covers the lower left of the map, so the plan is fitted to the right of it.
    if (bounds) get().flyTo({ kind: 'bounds', bounds, padding: { top: 70, right: 70, bottom: 70, left: 270 } });
  }

  function loadPlan(id: string, force = false): void {
    const current = get().coverage.planDetails[id];
    if (!force && current !== undefined && current.status !== 'error') return;
    const put = (r: Resource<PlanDetail>) => set((s) => ({ coverage: { ...s.coverage, planDetails: { ...s.coverage.planDetails, [id]: r } } }));
    put({ status: 'loading' });
    fetchPlan(id).then(
      (data) => {
        put({ status: 'ready', data });
        // A plan opened from a link brings its parameters into the form, so a re-run starts from it.
        if (get().view.plan === id) {
          patch({ form: paramsToForm(data.run.params), stale: false });
          showOnMap(data.run);
        }
      },
      (err: unknown) => put({ status: 'error', error: errorOf(err) }),
    );
  }

  return {
    coverage: INITIAL,
    setCoverageForm: editForm,
    runCoverage: () => {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      const params = formToParams(get().coverage.form, periodQueryOf(get().view));
      patch({ run: { status: 'loading' }, runStartedAt: performance.now(), stale: false, pickLockFor: null, save: { status: 'idle', message: null } });
      // A fresh run replaces the saved plan on screen.
      if (get().view.plan !== null) get().setView({ plan: null });
      runCoverage(params, controller.signal).then(
        (data) => {
          if (running !== controller) return;
          patch({ run: { status: 'ready', data }, runStartedAt: null });
          showOnMap(data);
        },
        (err: unknown) => {
          if (running !== controller) return;
          patch({ run: controller.signal.aborted ? null : { status: 'error', error: errorOf(err) }, runStartedAt: null });
        },
      );
    },
    cancelCoverage: () => {
      const controller = running;
      running = null;
      controller?.abort();
      patch({ run: null, runStartedAt: null });
    },
    toggleCoverageLock: (lock) => {
      const { form } = get().coverage;
      editForm({ locks: toggleLock(form.locks, lock), exclude: form.exclude.filter((id) => id !== lock.facilityId) });
      patch({ pickLockFor: null });
    },
    toggleCoverageExclude: (facilityId) => {
      const { form } = get().coverage;
      // An excluded puskesmas cannot keep an area locked to it.
      editForm({ exclude: toggleId(form.exclude, facilityId), locks: form.locks.filter((l) => l.facilityId !== facilityId) });
    },
    setPickLockFor: (pickLockFor) => patch({ pickLockFor }),
    savePlan: async (name) => {
      const params = formToParams(get().coverage.form, periodQueryOf(get().view));
      patch({ save: { status: 'saving', message: null } });
      try {
        const saved = await savePlan(name, params);
        const detail: PlanDetail = { plan: saved.plan, run: saved.run };
        set((s) => ({
          coverage: {
            ...s.coverage,
            planDetails: { ...s.coverage.planDetails, [saved.plan.id]: { status: 'ready', data: detail } },
            save: { status: 'saved', message: null },
            stale: false,
          },
        }));
        get().setView({ plan: saved.plan.id });
        get().loadPlans(true);
        return true;
      } catch (err) {
        patch({ save: { status: 'error', message: errorOf(err).message } });
        return false;
      }
    },
    loadPlans: (force = false) => {
      const current = get().coverage.plans;
      if (!force && current !== null && current.status !== 'error') return;
      if (current?.status !== 'ready') patch({ plans: { status: 'loading' } });
      fetchPlans().then(
        (data) => patch({ plans: { status: 'ready', data } }),
        (err: unknown) => patch({ plans: { status: 'error', error: errorOf(err) } }),
      );
    },
    loadPlan: (id) => loadPlan(id),
    openPlan: (id) => {
      get().setView({ plan: id });
      if (id === null) return;
      const r = get().coverage.planDetails[id];
      if (r?.status === 'ready') {
        patch({ form: paramsToForm(r.data.run.params), stale: false });
        showOnMap(r.data.run);
      } else loadPlan(id);
    },
    toggleCompare: (id) => {
      const ids = toggleId(get().coverage.compare, id);
      // Two at a time: choosing a third replaces the oldest choice.
      const compare = ids.length > 2 ? ids.slice(-2) : ids;
      patch({ compare });
      for (const c of compare) loadPlan(c);
    },
    updateCapacity: async (facilityId, capacityPerMonth) => {
      try {
        await updateFacility(facilityId, { capacityPerMonth });
        get().loadFacilities(true);
        patch({ stale: get().coverage.run !== null || get().view.plan !== null });
        return null;
      } catch (err) {
        return errorOf(err).message;
      }
    },
  };
};
