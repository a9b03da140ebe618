// Legend blocks for the analysis layers: hot spot classes with what each confidence level means, LISA quadrants, emerging categories, and a coverage plan.
import { useT } from '../i18n/use-t';
import { EMERGING_CATEGORIES } from '../hotspot-categories';
import { COVERAGE_COLORS, cssColor, EMERGING_COLORS, HOTSPOT_COLORS, LISA_COLORS } from '../map/palette';
import { emergingResource, hotspotLayerResource, hotspotsResource } from '../state/selectors';
import { useRawan } from '../store';
import { CONFIDENCES } from '../view-state';
import { Swatch } from './swatch';

/** The two-sided z a Gi* cell must reach for each confidence level (normal distribution), as ArcGIS's Gi_Bin uses. */
const Z_OF: Record<90 | 95 | 99, string> = { 90: '1,65', 95: '1,96', 99: '2,58' };

function HotspotStatus() {
  const { t } = useT();
  const resource = useRawan(hotspotLayerResource);
  const note = useRawan((s) => {
    const r = hotspotsResource(s);
    return r?.status === 'ready' && 'note' in r.data ? r.data.note : null;
  });
  const emptyEmerging = useRawan((s) => {
    const r = emergingResource(s);
    return r?.status === 'ready' && r.data.cells.length === 0;
  });
  if (resource === undefined || resource.status === 'loading')
    return (
      <p className="muted" aria-busy="true" data-testid="hotspot-loading">
        {t('status.loading')}
      </p>
    );
  if (resource.status === 'unavailable') return <p className="muted">{t('layer.unavailable')}</p>;
  if (resource.status === 'error')
    return (
      <p className="error-text" data-testid="hotspot-error">
        {t('error.hotspots')}: {resource.error.message}
      </p>
    );
  if (note !== null) {
    // The server's note is English; the two it sends today are shown in the reader's language.
    const text = note.startsWith('No events') ? t('hotspot.noEvents') : note.startsWith('Every cell') ? t('hotspot.flat') : note;
    return (
      <p className="hint" role="status" data-testid="hotspot-note">
        {text}
      </p>
    );
  }
  if (emptyEmerging)
    return (
      <p className="hint" role="status">
        {t('hotspot.noEmerging')}
      </p>
    );
  return null;
}

export function HotspotLegend() {
  const { t, lang, num } = useT();
  const emergingSummary = useRawan((s) => {
    const r = emergingResource(s);
    return r?.status === 'ready' ? r.data.summary : null;
  });
  const method = useRawan((s) => s.view.hotspotMethod);
  const confidence = useRawan((s) => s.view.confidence);
  const fdr = useRawan((s) => s.view.fdr);
  const z = (c: 90 | 95 | 99) => (lang === 'en' ? Z_OF[c].replace(',', '.') : Z_OF[c]);
  const shown = CONFIDENCES.filter((c) => c >= confidence);
  return (
    <div className="legend-block" data-testid="hotspot-legend">
      <h3>{t(`filters.method.${method}`)}</h3>
      <HotspotStatus />
      {method === 'gistar' ? (
        <>
          <ul className="legend-classes">
            {[...shown].reverse().map((c) => (
              <li key={`hot${c}`}>
                <Swatch color={HOTSPOT_COLORS.hot[c]} />
                <span>{t('legend.hot', { c })}</span>
              </li>
            ))}
            <li>
              <Swatch color={HOTSPOT_COLORS.none} />
              <span>{t('legend.notSignificant')}</span>
            </li>
            {shown.map((c) => (
              <li key={`cold${c}`}>
                <Swatch color={HOTSPOT_COLORS.cold[c]} />
                <span>{t('legend.cold', { c })}</span>
              </li>
            ))}
          </ul>
          <p className="legend-note muted">
            {t('legend.confidenceNote', { levels: shown.map((c) => t('legend.confidenceLevel', { c, z: z(c), p: ((100 - c) / 100).toFixed(2) })).join('; ') })}
          </p>
          {fdr ? <p className="legend-note muted">{t('legend.fdrNote')}</p> : null}
        </>
      ) : method === 'lisa' ? (
        <>
          <ul className="legend-classes">
            {(['HH', 'HL', 'LH', 'LL'] as const).map((k) => (
              <li key={k}>
                <Swatch color={LISA_COLORS[k]} />
                <span>{t(`legend.${k}`)}</span>
              </li>
            ))}
            <li>
              <Swatch color={LISA_COLORS.none} />
              <span>{t('legend.notSignificant')}</span>
            </li>
          </ul>
          <p className="legend-note muted">{t('legend.lisaNote', { c: confidence })}</p>
        </>
      ) : (
        <>
          <ul className="legend-classes emerging">
            {EMERGING_CATEGORIES.filter((c) => emergingSummary === null || (emergingSummary[c] ?? 0) > 0).map((c) => (
              <li key={c}>
                <Swatch color={EMERGING_COLORS[c]} />
                <span>{t(`emerging.${c}`)}</span>
                {emergingSummary ? <span className="muted count">{num(emergingSummary[c] ?? 0)}</span> : null}
              </li>
            ))}
          </ul>
          <p className="legend-note muted">{t('legend.emergingNote', { c: confidence })}</p>
        </>
      )}
    </div>
  );
}

export function CoverageLegend() {
  const { t } = useT();
  return (
    <div className="legend-block" data-testid="coverage-legend">
      <h3>{t('coverage.legend')}</h3>
      <ul className="legend-classes">
        <li>
          <span className="legend-line" aria-hidden="true" style={{ background: cssColor(COVERAGE_COLORS.line) }} />
          <span>{t('coverage.legendLine')}</span>
        </li>
        <li>
          <span className="legend-line" aria-hidden="true" style={{ background: cssColor(COVERAGE_COLORS.lockedLine) }} />
          <span>{t('coverage.legendLocked')}</span>
        </li>
        <li>
          <Swatch color={COVERAGE_COLORS.unmetFill} outline={COVERAGE_COLORS.unmetLine} />
          <span>{t('coverage.legendUnmet')}</span>
        </li>
        <li>
          <span className="legend-ring" aria-hidden="true" style={{ borderColor: cssColor(COVERAGE_COLORS.used) }} />
          <span>{t('coverage.legendUsed')}</span>
        </li>
        <li>
          <span className="legend-ring thick" aria-hidden="true" style={{ borderColor: cssColor(COVERAGE_COLORS.proposed) }} />
          <span>{t('coverage.legendProposed')}</span>
        </li>
        <li>
          <span
            className="legend-ring"
            aria-hidden="true"
            style={{ borderColor: cssColor(COVERAGE_COLORS.excluded), background: cssColor([97, 97, 97, 110]) }}
          />
          <span>{t('coverage.legendExcluded')}</span>
        </li>
      </ul>
    </div>
  );
}
