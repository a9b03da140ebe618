// The saved coverage plans: open one on the map, tick two to compare, download each as CSV or GeoJSON.
import { useShallow } from 'zustand/react/shallow';
import { planExportUrl, type PlanListItem } from '../../api';
import { localeOf } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { rawanStore, useRawan } from '../../store';
import { useCoverageFormat } from './coverage-format';

function PlanRow({ plan, current, comparing }: { plan: PlanListItem; current: boolean; comparing: boolean }) {
  const { t, lang } = useT();
  const f = useCoverageFormat();
  const actions = rawanStore().getState();
  const at = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(plan.createdAt));
  const title = `${plan.name} v${plan.version}`;
  return (
    <li className={current ? 'current' : undefined}>
      <div className="plan-head">
        <button type="button" className="link-button plan-open" aria-pressed={current} onClick={() => actions.openPlan(current ? null : plan.id)}>
          {title}
        </button>
        <label className="toggle small" title={t('coverage.compare')}>
          <input type="checkbox" checked={comparing} onChange={() => actions.toggleCompare(plan.id)} aria-label={`${t('coverage.compare')}: ${title}`} />
          <span aria-hidden="true">{t('coverage.compare')}</span>
        </label>
      </div>
      <p className="muted small">
        {t('coverage.servedShort', { n: f.clients(plan.summary.servedDemand), total: f.clients(plan.summary.totalDemand) })} ·{' '}
        {t('coverage.planMeta', { by: plan.createdBy ?? '—', at })}
      </p>
      <p className="small plan-export">
        {t('coverage.export')}:{' '}
        <a href={planExportUrl(plan.id, 'csv')} download data-testid="export-csv">
          CSV
        </a>{' '}
        ·{' '}
        <a href={planExportUrl(plan.id, 'geojson')} download data-testid="export-geojson">
          GeoJSON
        </a>
      </p>
    </li>
  );
}

export function PlanList() {
  const { t } = useT();
  const { plans, current, compare } = useRawan(useShallow((s) => ({ plans: s.coverage.plans, current: s.view.plan, compare: s.coverage.compare })));
  return (
    <section className="group" aria-labelledby="coverage-plans">
      <h3 id="coverage-plans" className="group-title">
        {t('coverage.plans')}
      </h3>
      {plans === null || plans.status === 'loading' ? <p className="muted small">{t('status.loading')}</p> : null}
      {plans !== null && (plans.status === 'error' || plans.status === 'unavailable') ? (
        <p className="error-text">
          {t('status.error')}: {plans.error.message}{' '}
          <button type="button" className="link-button" onClick={() => rawanStore().getState().loadPlans(true)}>
            {t('status.retry')}
          </button>
        </p>
      ) : null}
      {plans?.status === 'ready' && plans.data.length === 0 ? <p className="muted small">{t('coverage.noPlans')}</p> : null}
      {plans?.status === 'ready' && plans.data.length > 0 ? (
        <>
          <ul className="plan-list" data-testid="plan-list">
            {plans.data.map((p) => (
              <PlanRow key={p.id} plan={p} current={p.id === current} comparing={compare.includes(p.id)} />
            ))}
          </ul>
          {compare.length < 2 && plans.data.length > 1 ? <p className="muted small">{t('coverage.compareHint')}</p> : null}
        </>
      ) : null}
    </section>
  );
}
