// The honesty notice: an always-visible line when /api/health reports synthetic or approximate data, and a dialog naming each layer's source.
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n/use-t';
import { dataOf } from '../state/resource';
import { FACILITIES_KEY } from '../state/data-slice';
import { healthOf } from '../state/selectors';
import { rawanStore, useRawan } from '../store';

type Caveat = 'eventsSynthetic' | 'facilitiesSynthetic' | 'boundariesApproximate' | 'populationApproximate' | 'focusAreasApproximate';
const CAVEATS: readonly Caveat[] = ['eventsSynthetic', 'facilitiesSynthetic', 'boundariesApproximate', 'populationApproximate', 'focusAreasApproximate'];

interface Provenance {
  /** What /api/health says is demo (synthetic) or approximate; empty when everything is imported. */
  caveats: Caveat[];
  synthetic: boolean;
  sources: { label: string; text: string }[];
}

function useProvenance(): Provenance {
  const { t } = useT();
  const { health, kelurahan, focus, facilities, basemap } = useRawan(
    useShallow((s) => ({
      health: healthOf(s),
      kelurahan: dataOf(s.resources.areas.kelurahan),
      focus: dataOf(s.resources.areas.focus),
      facilities: dataOf(s.resources.facilities[FACILITIES_KEY]),
      basemap: s.basemap,
    })),
  );
  // An empty collection has no first feature; the optional chains cover that as well as "not loaded yet".
  const areaProps = kelurahan?.features.at(0)?.properties;
  const focusProps = focus?.features.at(0)?.properties;
  const facilityProps = facilities?.features.at(0)?.properties;
  const populationSource = areaProps && 'populationSource' in areaProps ? areaProps.populationSource : null;
  const caveats = health ? CAVEATS.filter((c) => health.data[c]) : [];
  const unknown = t('notice.unknown');
  return {
    caveats,
    synthetic: caveats.includes('eventsSynthetic') || caveats.includes('facilitiesSynthetic'),
    sources: [
      { label: t('layer.choropleth'), text: `${areaProps?.source ?? unknown}${populationSource ? ` · ${t('detail.population')}: ${populationSource}` : ''}` },
      { label: t('detail.total'), text: `${t('notice.cases')}${health?.data.eventsSynthetic ? ` (${t('notice.syntheticShort')})` : ''}` },
      { label: t('layer.focus'), text: focusProps?.source ?? unknown },
      { label: t('layer.facilities'), text: facilityProps?.source ?? unknown },
      { label: t('legend.title'), text: basemap === 'online' ? t('notice.basemapOnline', { url: health?.basemapStyle ?? '' }) : t('notice.basemapOffline') },
    ],
  };
}

export function NoticeStrip() {
  const { t } = useT();
  const p = useProvenance();
  if (p.caveats.length === 0) return null;
  return (
    <div className="notice-strip" role="note" data-testid="data-notice">
      <span className="notice-icon" aria-hidden="true">
        !
      </span>
      <span>{p.synthetic ? t('notice.short') : t('notice.shortApproximate')}</span>
      <button type="button" className="link" onClick={() => rawanStore().getState().setNoticeOpen(true)}>
        {t('notice.button')}
      </button>
    </div>
  );
}

export function NoticeDialog() {
  const { t } = useT();
  const open = useRawan((s) => s.noticeOpen);
  const p = useProvenance();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="notice-title" onClose={() => rawanStore().getState().setNoticeOpen(false)}>
      <h2 id="notice-title">{t('notice.title')}</h2>
      <p>{t('notice.intro')}</p>
      <ul data-testid="notice-caveats">
        {p.caveats.map((c) => (
          <li key={c}>{t(`notice.${c}`)}</li>
        ))}
      </ul>
      <h3>{t('notice.layerSource')}</h3>
      <dl className="sources">
        {p.sources.map((s) => (
          <div key={s.label}>
            <dt>{s.label}</dt>
            <dd>{s.text}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="primary">
          {t('notice.close')}
        </button>
      </form>
    </dialog>
  );
}
