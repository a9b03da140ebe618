// What the PNG export writes around the map: its title lines, the legend (the same classes and colours as the on-screen
// legend, as swatches and labels), the data notice and the file name. Pure, so it is unit-tested.
import type { HealthResponse, IndicatorsResponse } from '../api';
import { EVENT_TYPES } from '../event-types';
import type { I18n } from '../i18n/use-t';
import { CONFIDENCES, isLayerOn, type ViewState } from '../view-state';
import { choropleth } from './choropleth';
import { FACILITY_OTHER, FACILITY_REHAB, FOCUS_FILL, FOCUS_LINE, HOTSPOT_COLORS, LISA_COLORS, NO_DATA, rampColor, type Rgba } from './palette';

export interface PngLegendEntry {
  color: Rgba;
  outline?: Rgba;
  label: string;
}

export interface PngLegendBlock {
  title: string;
  entries: PngLegendEntry[];
  note?: string;
}

export interface MapPngContent {
  title: string;
  subtitle: string;
  legend: PngLegendBlock[];
  /** The synthetic/approximate notice, or null when the data carries no caveat. */
  notice: string | null;
  footer: string;
  fileName: string;
}

type PngView = Pick<
  ViewState,
  'from' | 'to' | 'types' | 'level' | 'indicator' | 'classification' | 'layers' | 'hotspotMethod' | 'confidence' | 'lang'
>;

export function pngLegend(view: PngView, indicators: IndicatorsResponse | null, i18n: I18n): PngLegendBlock[] {
  const { t, num } = i18n;
  const blocks: PngLegendBlock[] = [];
  if (isLayerOn(view, 'choropleth') && indicators) {
    const ch = choropleth(indicators, view.indicator, view.classification);
    const classes = ch.classes;
    const entries: PngLegendEntry[] = [];
    if (classes) {
      const digits = view.indicator === 'rate' ? 1 : 0;
      const bounds = [classes.min, ...classes.thresholds, classes.max];
      const n = classes.thresholds.length + 1;
      for (let i = 0; i < n; i++) {
        const upper = i === n - 1 && bounds[i] === bounds[i + 1] ? '' : ` – ${num(bounds[i + 1], digits)}`;
        entries.push({ color: rampColor(i, n), label: `${num(bounds[i], digits)}${upper}` });
      }
    }
    if (!classes || ch.noData > 0) entries.push({ color: NO_DATA, label: t('legend.noData') });
    blocks.push({
      title: `${t(view.indicator === 'count' ? 'filters.indicator.count' : 'filters.indicator.rate')} · ${t(`level.${view.level}`)}`,
      entries,
      note: t(`filters.classification.${view.classification}`),
    });
  }
  if (isLayerOn(view, 'hotspots')) {
    const entries: PngLegendEntry[] = [];
    if (view.hotspotMethod === 'gistar') {
      const shown = CONFIDENCES.filter((c) => c >= view.confidence);
      for (const c of [...shown].reverse()) entries.push({ color: HOTSPOT_COLORS.hot[c], label: t('legend.hot', { c }) });
      entries.push({ color: HOTSPOT_COLORS.none, label: t('legend.notSignificant') });
      for (const c of shown) entries.push({ color: HOTSPOT_COLORS.cold[c], label: t('legend.cold', { c }) });
    } else if (view.hotspotMethod === 'lisa') {
      for (const k of ['HH', 'HL', 'LH', 'LL'] as const) entries.push({ color: LISA_COLORS[k], label: t(`legend.${k}`) });
      entries.push({ color: LISA_COLORS.none, label: t('legend.notSignificant') });
    }
    blocks.push({ title: `${t('layer.hotspots')} · ${t(`filters.method.${view.hotspotMethod}`)}`, entries });
  }
  const marks: PngLegendEntry[] = [];
  if (isLayerOn(view, 'facilities')) {
    marks.push({ color: FACILITY_REHAB, label: `${t('layer.facilities')}: ${t('legend.rehab')}` });
    marks.push({ color: FACILITY_OTHER, label: `${t('layer.facilities')}: ${t('legend.noRehab')}` });
  }
  if (isLayerOn(view, 'focus')) marks.push({ color: FOCUS_FILL, outline: FOCUS_LINE, label: t('legend.focus') });
  if (marks.length > 0) blocks.push({ title: t('legend.title'), entries: marks });
  return blocks;
}

/** The notice line for the data's caveats, as the strip under the map words it. */
export function pngNotice(health: HealthResponse | null, i18n: I18n): string | null {
  if (!health) return null;
  const d = health.data;
  const any = d.eventsSynthetic || d.facilitiesSynthetic || d.boundariesApproximate || d.populationApproximate || d.focusAreasApproximate;
  if (!any) return null;
  const short = d.eventsSynthetic || d.facilitiesSynthetic ? i18n.t('notice.short') : i18n.t('notice.shortApproximate');
  return `${short}. ${i18n.t('notice.intro')}`;
}

/** Title, subtitle, legend, notice, footer and file name of the PNG of the current map; `today` is an ISO day. */
export function mapPngContent(
  view: PngView,
  indicators: IndicatorsResponse | null,
  health: HealthResponse | null,
  i18n: I18n,
  today: string,
): MapPngContent {
  const { t, date } = i18n;
  const period = view.from !== null && view.to !== null ? t('export.period', { from: date(view.from), to: date(view.to) }) : '';
  const types = view.types.length === EVENT_TYPES.length ? t('export.allTypes') : view.types.map((ty) => t(`type.${ty}`)).join(', ');
  const indicator = t(view.indicator === 'count' ? 'filters.indicator.count' : 'filters.indicator.rate');
  return {
    title: `${t('export.pngTitle')} · ${t(`level.${view.level}`)}`,
    subtitle: [indicator, period, types].filter((s) => s !== '').join(' · '),
    legend: pngLegend(view, indicators, i18n),
    notice: pngNotice(health, i18n),
    footer: t('export.made', { date: date(today) }),
    fileName: `rawan-${t('export.fileWord')}-${view.level}-${view.from ?? ''}-${view.to ?? ''}.png`,
  };
}
