// The monthly trend block of the detail panel: loads the chart code lazily and shows loading, error or the chart.
import { lazy, Suspense } from 'react';
import { useT } from '../i18n/use-t';
import { periodQueryOf } from '../queries';
import { trendKey } from '../state/data-slice';
import { useRawan } from '../store';

const TrendChart = lazy(() => import('./trend-chart'));

export function TrendSection({ area, title }: { area: string | null; title?: string }) {
  const { t } = useT();
  const resource = useRawan((s) => {
    const q = periodQueryOf(s.view);
    return q && area ? s.resources.trends[trendKey(area, q)] : undefined;
  });
  return (
    <section className="detail-section">
      <h3>{title ?? t('detail.trend')}</h3>
      {resource?.status === 'ready' ? (
        <Suspense fallback={<p className="muted">{t('status.loading')}</p>}>
          <TrendChart trend={resource.data} />
        </Suspense>
      ) : resource?.status === 'error' || resource?.status === 'unavailable' ? (
        <p className="error-text">
          {t('error.trend')}: {resource.error.message}
        </p>
      ) : (
        <p className="muted" aria-busy="true">
          {t('status.loading')}
        </p>
      )}
    </section>
  );
}
