// The coverage planning tab of the left panel (analysts): the form, Run with Cancel, overrides, the result, saving, saved plans with exports, and comparison.
import { useRawan } from '../../store';
import { useT } from '../../i18n/use-t';
import { CoverageFormFields } from './coverage-form-fields';
import { CoverageResults } from './coverage-results';
import { OverridesList } from './overrides-list';
import { PlanCompare } from './plan-compare';
import { PlanList } from './plan-list';
import { RunControls } from './run-controls';
import { SavePlan } from './save-plan';

export default function CoveragePanel() {
  const { t } = useT();
  const running = useRawan((s) => s.coverage.runStartedAt !== null);
  return (
    <div className="coverage-panel" data-testid="coverage-panel">
      <p className="muted small">{t('coverage.intro')}</p>
      <CoverageFormFields disabled={running} />
      <RunControls />
      <OverridesList />
      <CoverageResults />
      <SavePlan />
      <PlanList />
      <PlanCompare />
    </div>
  );
}
