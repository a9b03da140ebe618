// The result of the coverage run or saved plan on screen: served, unmet, mean distance, puskesmas used, proposed designations, capacity per puskesmas and unmet areas.
import { useShallow } from 'zustand/react/shallow';
import type { CoverageRun } from '../../api';
import { planFigures, unmetAreas, utilisation } from '../../coverage/plan-figures';
import { useT } from '../../i18n/use-t';
import { shownCoverageResource, shownPlan } from '../../state/coverage-selectors';
import { rawanStore, useRawan } from '../../store';
import { KeyFigure } from '../figures';
import { useCoverageFormat } from './coverage-format';
import { UtilisationBars } from './utilisation-bars';

function ResultBody({ run }: { run: CoverageRun }) {
  const { t, num } = useT();
  const f = useCoverageFormat();
  const fig = planFigures(run);
  const bars = utilisation(run);
  const unmet = unmetAreas(run);
  const names = new Map(run.facilities.map((x) => [x.id, x.name]));
  const select = (id: string) => rawanStore().getState().select({ kind: 'facility', id });
  return (
    <>
      <dl className="key-figures">
        <KeyFigure testId="coverage-served" label={t('coverage.served')} value={f.clients(fig.served)} sub={t('coverage.ofDemand', { n: f.clients(fig.total), pct: f.share(fig.servedShare) })} />
        <KeyFigure testId="coverage-unmet" label={t('coverage.unmet')} value={f.clients(fig.unmet)} sub={t('coverage.perMonth')} />
        <KeyFigure label={t('coverage.meanDistance')} value={f.km(fig.meanKm)} sub={t('coverage.detourIncluded')} />
        <KeyFigure label={t('coverage.used')} value={num(fig.used)} sub={t('coverage.proposedCount', { n: num(fig.proposed) })} />
      </dl>
      <p className="muted small">
        {fig.optimal ? t('coverage.optimal') : t('coverage.gap', { gap: fig.gap === null ? '—' : f.share(fig.gap) })} · {run.result.solver}
      </p>

      {run.proposedDesignations.length > 0 ? (
        <>
          <h4>{t('coverage.proposedTitle')}</h4>
          <ul className="plain-list" data-testid="coverage-proposed">
            {run.proposedDesignations.map((id) => (
              <li key={id}>
                <button type="button" className="link-button" onClick={() => select(id)}>
                  <span className="proposed-mark" aria-hidden="true" /> {names.get(id) ?? id}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {bars.length > 0 ? (
        <>
          <h4>{t('coverage.utilisation')}</h4>
          <UtilisationBars bars={bars} />
        </>
      ) : null}

      {unmet.length > 0 ? (
        <>
          <h4>{t('coverage.unmetAreas')}</h4>
          <ul className="plain-list" data-testid="coverage-unmet-areas">
            {unmet.map((u) => (
              <li key={u.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => rawanStore().getState().select(run.demand.find((d) => d.id === u.id)?.kind === 'focus' ? { kind: 'focus', id: u.id } : { kind: 'area', code: u.id })}
                >
                  {u.name}
                </button>
                <span className="num">
                  {f.clients(u.unmet)} / {f.clients(u.demand)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <p className="muted small coverage-assumptions">
        {t('coverage.assumptions', { basis: t(`coverage.basis.${run.params.basis}`), src: run.assumptions.prevalenceSource })}
      </p>
      {run.notes.length > 0 ? (
        <ul className="notes small">
          {run.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function CoverageResults() {
  const { t } = useT();
  const { resource, plan, stale, planId } = useRawan(
    useShallow((s) => ({ resource: shownCoverageResource(s), plan: shownPlan(s), stale: s.coverage.stale, planId: s.view.plan })),
  );
  if (resource === null) {
    return <p className="muted small">{t('coverage.noRunYet')}</p>;
  }
  if (resource.status === 'loading') {
    return (
      <section className="group" aria-busy="true">
        <p className="muted small">{t('status.loading')}</p>
      </section>
    );
  }
  if (resource.status !== 'ready') {
    return (
      <section className="group">
        <p className="error-text" role="alert">
          {planId !== null ? t('coverage.planError') : t('coverage.error')}: {resource.error.message}
        </p>
      </section>
    );
  }
  return (
    <section className="group coverage-results" data-testid="coverage-results" aria-labelledby="coverage-result-title">
      <h3 id="coverage-result-title" className="group-title result-title">
        {plan ? t('coverage.planTitle', { name: plan.plan.name, v: plan.plan.version }) : t('coverage.resultTitle')}
      </h3>
      {stale ? (
        <p className="hint warn" data-testid="coverage-stale">
          {t('coverage.stale')}
        </p>
      ) : null}
      <ResultBody run={resource.data} />
    </section>
  );
}
