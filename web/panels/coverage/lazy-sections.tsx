// Thin slots in the area and puskesmas detail panels: while a coverage run or plan is on screen they load and show its section for that area or puskesmas; otherwise nothing.
import { lazy, Suspense } from 'react';
import { canPlan, shownCoverageResource } from '../../state/coverage-selectors';
import type { RawanState } from '../../state/rawan-state';
import { useRawan } from '../../store';

// The planning sections are code that most views never need, so they load the first time a plan is on screen.
const AreaPlanSection = lazy(() => import('./area-plan-section'));
const FacilityPlanSection = lazy(() => import('./facility-plan-section'));

/** A coverage result is on screen: the planning panel is open, the viewer may plan, and a run or saved plan is ready. */
function planShown(s: RawanState): boolean {
  return s.view.panel === 'coverage' && canPlan(s) && shownCoverageResource(s)?.status === 'ready';
}

function areaInPlan(s: RawanState, demandId: string): boolean {
  const r = shownCoverageResource(s);
  return planShown(s) && r?.status === 'ready' && r.data.demand.some((d) => d.id === demandId);
}

export function AreaPlanSlot({ demandId }: { demandId: string }) {
  const shown = useRawan((s) => areaInPlan(s, demandId));
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <AreaPlanSection demandId={demandId} />
    </Suspense>
  );
}

export function FacilityPlanSlot({ id }: { id: string }) {
  const shown = useRawan(planShown);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <FacilityPlanSection id={id} />
    </Suspense>
  );
}
