// The hover tooltip: the name and the shown figure of whatever is under the pointer.
import type { HotspotCell, IndicatorsResponse } from '../api';
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

export function MapTooltip({ hover, view, indicators }: { hover: Hover; view: ViewState; indicators: IndicatorsResponse | null }) {
  const { t, num } = useT();
  const minCell = useRawan((s) => s.minCell);
  const lines: string[] = [];
  let title = '';
  const o = hover.object;
  if (hover.layerId === 'facilities' && isRecord(o) && typeof o.name === 'string') {
    const f: Pick<Facility, 'name' | 'capacityPerMonth' | 'rehab'> = { name: o.name, capacityPerMonth: typeof o.capacityPerMonth === 'number' ? o.capacityPerMonth : null, rehab: o.rehab === true };
    title = f.name;
    lines.push(f.capacityPerMonth === null ? t('detail.capacityUnknown') : t('detail.capacity', { n: num(f.capacityPerMonth) }));
    if (f.rehab) lines.push(t('legend.rehab'));
  } else if (hover.layerId === 'hotspots' && isRecord(o) && typeof o.value === 'number' && typeof o.z === 'number' && typeof o.p === 'number') {
    const c: Pick<HotspotCell, 'value' | 'z' | 'p'> = { value: o.value, z: o.z, p: o.p };
    title = t('layer.hotspots');
    lines.push(t('tooltip.value', { n: num(c.value) }), t('tooltip.z', { z: num(c.z, 2), p: num(c.p, 3) }));
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
