// The map legend: choropleth classes with no-data, hot spot classes, coverage plan, density ramp, puskesmas symbols and focus areas.
import { useT } from '../i18n/use-t';
import { choropleth } from '../map/choropleth';
import { FACILITY_GLYPHS } from '../map/facility-symbol';
import { cssColor, FACILITY_OTHER, FACILITY_REHAB, FOCUS_FILL, FOCUS_LINE, NO_DATA, rampColor } from '../map/palette';
import { shownCoverage } from '../state/coverage-selectors';
import { CoverageLegend, HotspotLegend } from './analysis-legend';
import { Swatch } from './swatch';
import { currentIndicators } from '../state/selectors';
import { useRawan } from '../store';
import { isLayerOn } from '../view-state';

export function Legend() {
  const { t, num } = useT();
  const view = useRawan((s) => s.view);
  const indicators = useRawan(currentIndicators);
  const coverageOn = useRawan((s) => s.view.panel === 'coverage' && shownCoverage(s) !== null);
  const ch = indicators ? choropleth(indicators, view.indicator, view.classification) : null;
  const digits = view.indicator === 'rate' ? 1 : 0;
  const classes = ch?.classes ?? null;
  const bounds = classes ? [classes.min, ...classes.thresholds, classes.max] : [];
  const n = classes ? classes.thresholds.length + 1 : 0;

  return (
    <section className="legend" aria-label={t('legend.title')}>
      {isLayerOn(view, 'choropleth') ? (
        <div className="legend-block">
          <h3>
            {t(view.indicator === 'count' ? 'filters.indicator.count' : 'filters.indicator.rate')} · {t(`level.${view.level}`)}
          </h3>
          {classes ? (
            <ul className="legend-classes">
              {Array.from({ length: n }, (_, i) => (
                <li key={i}>
                  <Swatch color={rampColor(i, n)} />
                  <span>
                    {num(bounds[i], digits)}
                    {i === n - 1 && bounds[i] === bounds[i + 1] ? '' : ` – ${num(bounds[i + 1], digits)}`}
                  </span>
                </li>
              ))}
              {ch && ch.noData > 0 ? (
                <li>
                  <Swatch color={NO_DATA} />
                  <span>{t('legend.noData')}</span>
                </li>
              ) : null}
            </ul>
          ) : (
            <p className="muted">{indicators ? t('legend.noData') : t('status.loading')}</p>
          )}
          <p className="legend-note muted">
            {t(`filters.classification.${view.classification}`)} · {t('legend.classNote')}
          </p>
        </div>
      ) : null}
      {isLayerOn(view, 'hotspots') ? <HotspotLegend /> : null}
      {coverageOn ? <CoverageLegend /> : null}
      {isLayerOn(view, 'heatmap') ? (
        <div className="legend-block">
          <h3>{t('layer.heatmap')}</h3>
          <div className="ramp" aria-hidden="true" />
          <p className="legend-note muted">{t('legend.heatmap')}</p>
        </div>
      ) : null}
      {isLayerOn(view, 'facilities') ? (
        <div className="legend-block">
          <h3>{t('layer.facilities')}</h3>
          <ul className="legend-classes">
            <li>
              <span className="glyph" aria-hidden="true" style={{ color: cssColor(FACILITY_OTHER) }}>
                {FACILITY_GLYPHS.kecamatan}
              </span>
              <span>{t('legend.facilityKecamatan')}</span>
            </li>
            <li>
              <span className="glyph" aria-hidden="true" style={{ color: cssColor(FACILITY_OTHER) }}>
                {FACILITY_GLYPHS.kelurahan}
              </span>
              <span>{t('legend.facilityKelurahan')}</span>
            </li>
            <li>
              <Swatch color={FACILITY_REHAB} />
              <span>{t('legend.rehab')}</span>
            </li>
            <li>
              <Swatch color={FACILITY_OTHER} />
              <span>{t('legend.noRehab')}</span>
            </li>
          </ul>
          <p className="legend-note muted">{t('legend.size')}</p>
        </div>
      ) : null}
      {isLayerOn(view, 'focus') ? (
        <div className="legend-block">
          <ul className="legend-classes">
            <li>
              <Swatch color={FOCUS_FILL} outline={FOCUS_LINE} />
              <span>{t('legend.focus')}</span>
            </li>
          </ul>
        </div>
      ) : null}
    </section>
  );
}
