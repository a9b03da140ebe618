// What the map is waiting for or why it is empty: a loading bar, error messages with a retry, and empty-filter states.
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/id';
import { periodQueryOf } from '../queries';
import { FACILITIES_KEY, HEALTH_KEY, eventsKey } from '../state/data-slice';
import type { RawanState } from '../state/rawan-state';
import type { Resource } from '../state/resource';
import { hotspotLayerResource, indicatorsResource } from '../state/selectors';
import { rawanStore, useRawan } from '../store';
import { isLayerOn } from '../view-state';

/** What each watched resource is called in an error message, in the order `watchedResources` lists them. */
const LABELS: readonly MessageKey[] = ['error.areas', 'error.areas', 'error.facilities', 'error.extent', 'error.indicators', 'error.hotspots', 'error.events'];

/** The resources the map view depends on, undefined where the view does not need one; a fixed order so labels line up. */
function watchedResources(s: RawanState): (Resource<unknown> | undefined)[] {
  const q = periodQueryOf(s.view);
  return [
    s.resources.areas[s.view.level],
    s.resources.areas.focus,
    s.resources.facilities[FACILITIES_KEY],
    s.resources.health[HEALTH_KEY],
    q ? indicatorsResource(s, s.view.level) : undefined,
    isLayerOn(s.view, 'hotspots') ? hotspotLayerResource(s) : undefined,
    isLayerOn(s.view, 'heatmap') && q ? s.resources.events[eventsKey(q)] : undefined,
  ];
}

export function MapStatus() {
  const { t } = useT();
  const resources = useRawan(useShallow(watchedResources));
  const empty = useRawan((s) => {
    const r = indicatorsResource(s, s.view.level);
    return r?.status === 'ready' && r.data.totals.events === 0;
  });
  const noTypes = useRawan((s) => s.view.types.length === 0);
  const session = useRawan((s) => s.session);

  const loading = resources.some((r) => r?.status === 'loading');
  const messages = new Map<string, string>();
  resources.forEach((r, i) => {
    if (r?.status !== 'error') return;
    const text = `${t(LABELS[i])}: ${r.error.status === 0 ? t('error.network') : r.error.message}`;
    messages.set(text, text);
  });

  let message = null;
  if (session === 'login-required') {
    message = (
      <div className="map-message" role="alert">
        <strong>{t('auth.required')}</strong>
        <button type="button" className="primary" onClick={() => rawanStore().getState().setLoginOpen(true)}>
          {t('auth.login')}
        </button>
      </div>
    );
  } else if (messages.size > 0) {
    message = (
      <div className="map-message error" role="alert" data-testid="api-error">
        <strong>{t('status.error')}</strong>
        <ul>
          {[...messages.keys()].map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
        <button type="button" onClick={() => rawanStore().getState().retryFailed()}>
          {t('status.retry')}
        </button>
      </div>
    );
  } else if (noTypes) {
    message = (
      <div className="map-message" role="status">
        {t('filters.noTypes')}
      </div>
    );
  } else if (empty) {
    message = (
      <div className="map-message" role="status" data-testid="empty-state">
        <strong>{t('status.empty')}</strong>
        <span>{t('status.emptyHint')}</span>
      </div>
    );
  }

  return (
    <>
      <div className={`loading-bar${loading ? ' active' : ''}`} aria-hidden="true" />
      <p className="visually-hidden" role="status" aria-live="polite">
        {loading ? t('status.loading') : ''}
      </p>
      {message}
    </>
  );
}
