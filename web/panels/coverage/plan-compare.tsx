// Two saved coverage plans side by side: their key figures and the load of every puskesmas either uses, differences highlighted.
import { useShallow } from 'zustand/react/shallow';
import type { PlanDetail } from '../../api';
import { comparePlans, type PlanFigures } from '../../coverage/plan-figures';
import { useT } from '../../i18n/use-t';
import { dataOf } from '../../state/resource';
import { rawanStore, useRawan } from '../../store';
import { shortFacilityName, useCoverageFormat } from './coverage-format';

function Row({ label, a, b, onClick }: { label: string; a: string; b: string; onClick?: () => void }) {
  return (
    <tr className={a !== b ? 'differs' : undefined}>
      <th scope="row" title={label}>
        {onClick ? (
          <button type="button" className="link-button" onClick={onClick}>
            {label}
          </button>
        ) : (
          label
        )}
      </th>
      <td>{a}</td>
      <td>{b}</td>
    </tr>
  );
}

function CompareTable({ a, b }: { a: PlanDetail; b: PlanDetail }) {
  const { t, num } = useT();
  const f = useCoverageFormat();
  const c = comparePlans(a, b);
  const figure = (label: string, pick: (x: PlanFigures) => string) => <Row key={label} label={label} a={pick(c.a)} b={pick(c.b)} />;
  const load = (n: number | null) => (n === null ? '—' : f.clients(n));
  return (
    <table data-testid="plan-compare">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{t('coverage.compare')}</span>
          </th>
          <th scope="col" title={`${a.plan.name} v${a.plan.version}`}>
            {a.plan.name} v{a.plan.version}
          </th>
          <th scope="col" title={`${b.plan.name} v${b.plan.version}`}>
            {b.plan.name} v{b.plan.version}
          </th>
        </tr>
      </thead>
      <tbody>
        {figure(t('coverage.served'), (x) => f.clients(x.served))}
        {figure(t('coverage.unmet'), (x) => f.clients(x.unmet))}
        {figure(t('coverage.meanDistance'), (x) => f.km(x.meanKm))}
        {figure(t('coverage.used'), (x) => num(x.used))}
        {figure(t('coverage.proposed'), (x) => num(x.proposed))}
        <tr className="section">
          <th colSpan={3} scope="rowgroup">
            {t('coverage.loadPerFacility')}
          </th>
        </tr>
        {c.facilities.map((r) => (
          <Row key={r.id} label={shortFacilityName(r.name)} a={load(r.a)} b={load(r.b)} onClick={() => rawanStore().getState().select({ kind: 'facility', id: r.id })} />
        ))}
      </tbody>
    </table>
  );
}

export function PlanCompare() {
  const { t } = useT();
  const { ids, details } = useRawan(useShallow((s) => ({ ids: s.coverage.compare, details: s.coverage.planDetails })));
  if (ids.length < 2) return null;
  const loaded = ids.map((id) => dataOf(details[id]));
  const failed = ids.map((id) => details[id]).find((r) => r?.status === 'error' || r?.status === 'unavailable');
  return (
    <section className="group compare" aria-labelledby="coverage-compare">
      <h3 id="coverage-compare" className="group-title">
        {t('coverage.compare')}
      </h3>
      {failed ? (
        <p className="error-text">
          {t('coverage.planError')}: {failed.error.message}
        </p>
      ) : null}
      {!failed && loaded.some((d) => d === null) ? <p className="muted small">{t('status.loading')}</p> : null}
      {loaded[0] && loaded[1] ? <CompareTable a={loaded[0]} b={loaded[1]} /> : null}
    </section>
  );
}
