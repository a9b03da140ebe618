// The hover tooltip: the name and the shown figure of whatever is under the pointer (areas, puskesmas, hot spot cells, coverage lines).
import type { IndicatorsResponse } from '../api';
import { isEmergingCategory } from '../hotspot-categories';
import type { I18n } from '../i18n/use-t';
import { useT } from '../i18n/use-t';
import { useRawan } from '../store';
import type { ViewState } from '../view-state';
import type { Facility, FocusArea } from './features';
import type { AreaProps } from './layers';

export interface Hover {
  x: number;
  y: number;
  layerId: string;
  object: unknown;
}

function isRecord(o: unknown): o is Record<string, unknown> {
  return typeof o === 'object' && o !== null;
}

/** The tagged properties of an area or focus-area feature under the pointer, checked rather than assumed. */
function shapeProps(o: unknown): AreaProps | null {
  if (!isRecord(o) || !isRecord(o.properties)) return null;
  const p = o.properties;
  if ((p.kind !== 'area' && p.kind !== 'focus') || typeof p.key !== 'string' || typeof p.name !== 'string') return null;
  return { kind: p.kind, key: p.key, name: p.name };
}

type Fmt = Pick<I18n, 't' | 'num'> & { minCell: number };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Title and lines for a hot spot cell, an emerging cell or a coverage element, read defensively from the picked object. */
function analysisLines(layerId: string, o: Record<string, unknown>, { t, num, minCell }: Fmt): { title: string; lines: string[] } | null {
  const value = numOrNull(o.value);
  const count = value === null ? t('detail.suppressed', { k: minCell }) : num(value);
  if (layerId === 'hotspots') {
    const cls = str(o.class);
    const lines = [t('tooltip.value', { n: count })];
    const z = numOrNull(o.z);
    const p = numOrNull(o.p);
    const conf = numOrNull(o.confidence);
    if (z !== null && p !== null) lines.push(t('tooltip.z', { z: num(z, 2), p: num(p, 3) }));
    const i = numOrNull(o.I);
    const pSim = numOrNull(o.pSim);
    if (i !== null && pSim !== null) lines.push(t('tooltip.lisa', { i: num(i, 2), p: num(pSim, 3) }));
    let label = t('legend.notSignificant');
    if ((cls === 'hot' || cls === 'cold') && conf !== null) label = t(cls === 'hot' ? 'legend.hot' : 'legend.cold', { c: conf });
    else if (cls === 'HH' || cls === 'HL' || cls === 'LH' || cls === 'LL') label = t(`legend.${cls}`);
    return { title: label, lines };
  }
  if (layerId === 'emerging') {
    const category = str(o.category);
    const known = category !== null && isEmergingCategory(category) ? category : null;
    const trend = isRecord(o.trend) ? numOrNull(o.trend.tau) : null;
    const lines = [t('tooltip.slices', { hot: num(numOrNull(o.hotSlices) ?? 0), cold: num(numOrNull(o.coldSlices) ?? 0) })];
    if (trend !== null) lines.push(t('tooltip.trend', { tau: num(trend, 2) }));
    return { title: known ? t(`emerging.${known}`) : t('layer.hotspots'), lines };
  }
  if (layerId === 'coverage-lines') {
    const amount = numOrNull(o.amount);
    const km = numOrNull(o.distanceKm);
    return {
      title: `${str(o.facilityName) ?? ''} → ${str(o.demandName) ?? ''}`,
      lines: [
        t('coverage.clients', { n: num(amount ?? 0, 1) }),
        t('detail.distance', { km: num(km ?? 0, 1) }),
        ...(o.locked === true ? [t('coverage.locked')] : []),
      ],
    };
  }
  if (layerId === 'coverage-demand') {
    const unmet = numOrNull(o.unmet) ?? 0;
    return {
      title: str(o.name) ?? '',
      lines: [
        t('coverage.demandPerMonth', { n: num(numOrNull(o.demand) ?? 0, 1) }),
        ...(unmet > 1e-9 ? [t('coverage.unmetPerMonth', { n: num(unmet, 1) })] : []),
      ],
    };
  }
  if (layerId === 'coverage-facilities') {
    const role = str(o.role);
    return {
      title: str(o.name) ?? '',
      lines: [
        role === 'excluded' ? t('coverage.excluded') : t('coverage.load', { load: num(numOrNull(o.load) ?? 0, 1), cap: num(numOrNull(o.capacity) ?? 0) }),
        ...(role === 'proposed' ? [t('coverage.proposed')] : []),
      ],
    };
  }
  if (layerId === 'coverage-unmet' && isRecord(o.properties)) {
    return { title: str(o.properties.name) ?? '', lines: [t('coverage.unmetPerMonth', { n: num(numOrNull(o.properties.unmet) ?? 0, 1) })] };
  }
  return null;
}

export function MapTooltip({ hover, view, indicators }: { hover: Hover; view: ViewState; indicators: IndicatorsResponse | null }) {
  const { t, num } = useT();
  const minCell = useRawan((s) => s.minCell);
  const lines: string[] = [];
  let title = '';
  const o = hover.object;
  if (hover.layerId === 'facilities' && isRecord(o) && typeof o.name === 'string') {
    const f: Pick<Facility, 'name' | 'capacityPerMonth' | 'rehab'> = {
      name: o.name,
      capacityPerMonth: typeof o.capacityPerMonth === 'number' ? o.capacityPerMonth : null,
      rehab: o.rehab === true,
    };
    title = f.name;
    lines.push(f.capacityPerMonth === null ? t('detail.capacityUnknown') : t('detail.capacity', { n: num(f.capacityPerMonth) }));
    if (f.rehab) lines.push(t('legend.rehab'));
  } else if ((hover.layerId === 'hotspots' || hover.layerId === 'emerging' || hover.layerId.startsWith('coverage-')) && isRecord(o)) {
    const content = analysisLines(hover.layerId, o, { t, num, minCell });
    if (!content) return null;
    title = content.title;
    lines.push(...content.lines);
  } else if (hover.layerId === 'focus-labels' && isRecord(o) && typeof o.name === 'string') {
    const f: Pick<FocusArea, 'name'> = { name: o.name };
    title = f.name;
    lines.push(t('level.focus'));
  } else {
    const props = shapeProps(o);
    if (!props) return null;
    title = props.name;
    if (props.kind === 'focus') lines.push(t('level.focus'));
    else {
      const row = indicators?.areas.find((a) => a.code === props.key);
      if (row) {
        lines.push(t('tooltip.events', { n: row.total === null ? t('detail.suppressed', { k: minCell }) : num(row.total) }));
        if (typeof row.ratePer10k === 'number') lines.push(t('tooltip.rate', { n: num(row.ratePer10k, 1) }));
      }
      if (view.level !== 'kota') lines.push(t(`level.${view.level}`));
    }
  }
  return (
    <div className="map-tooltip" role="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
      <strong>{title}</strong>
      {lines.map((l) => (
        <span key={l}>{l}</span>
      ))}
    </div>
  );
}
