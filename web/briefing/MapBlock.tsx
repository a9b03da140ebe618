// The briefing's map with its legend: builds the style, the fixed extent and the labels for one area.
import { cellToLatLng } from 'h3-js';
import { useMemo } from 'react';
import type { AreaCollection, FacilityCollection, HotspotCell } from '../api';
import { centroidOf, type LngLat } from '../geo/shape';
import type { AreaBriefing } from './briefing-api';
import { inBounds, mapExtent } from './briefing-figures';
import { BRIEFING_COLORS, briefingMapStyle, spotKey, SPOT_KEYS, type SpotKey } from './briefing-map-style';
import type { BriefingI18n } from './briefing-strings';
import { BriefingMap, type MapLabel } from './BriefingMap';
import { servingOrder } from './CoverageBlock';

export interface MapInputs {
  kota: AreaCollection;
  kelurahan: AreaCollection;
  focus: AreaCollection;
  facilities: FacilityCollection;
  cells: readonly HotspotCell[];
}

interface Props {
  b: AreaBriefing;
  inputs: MapInputs;
  i18n: BriefingI18n;
  onDrawn: (drawn: boolean) => void;
  /** Leave out the legend (the all-Jakarta page shows one legend for its three small maps). */
  legend?: boolean;
}

/** The Kemendagri code of an administrative area feature ('' for a focus area, which has none). */
export function areaCode(f: AreaCollection['features'][number]): string {
  return 'code' in f.properties ? f.properties.code : '';
}

const shortName = (name: string) => name.replace(/^(Kota|Kabupaten) Administrasi /, '');

export function MapBlock({ b, inputs, i18n, onDrawn, legend = true }: Props) {
  const built = useMemo(() => {
    const served = servingOrder(b.coverage).filter((f): f is typeof f & { location: LngLat } => f.location !== null);
    const kota = inputs.kota.features.map((f) => ({ code: areaCode(f), name: String(f.properties.name), geometry: f.geometry }));
    const bounds = mapExtent({ kind: b.area.kind, geometry: b.area.geometry, kota, served: served.map((f) => f.location) });
    if (bounds === null) return null;
    const focusFeatures = inputs.focus.features.filter((f) => inBounds(centroidOf(f.geometry), bounds));
    const focus = {
      type: 'FeatureCollection' as const,
      features: focusFeatures.map((f) => ({
        type: 'Feature' as const,
        geometry: f.geometry,
        properties: { id: String(f.id), name: String(f.properties.name) },
      })),
    };
    const cells = inputs.cells.filter((cell) => {
      const [lat, lng] = cellToLatLng(cell.h3);
      return spotKey(cell) !== null && inBounds([lng, lat], bounds);
    });
    const style = briefingMapStyle({
      kota: inputs.kota,
      kelurahan: inputs.kelurahan,
      focus,
      cells,
      facilities: inputs.facilities,
      served: served.map((f) => f.id),
      onlyRehab: b.area.kind !== 'focus',
    });
    const labels: MapLabel[] = [];
    if (b.area.kind === 'focus') {
      for (const k of inputs.kelurahan.features) {
        const c = centroidOf(k.geometry);
        if (inBounds(c, bounds) && !b.area.kelurahanCodes.includes(areaCode(k))) labels.push({ position: c, text: String(k.properties.name), kind: 'place' });
      }
    } else if (b.area.kind === 'jakarta') {
      for (const k of kota) if (k.code !== '31.01') labels.push({ position: centroidOf(k.geometry), text: shortName(k.name), kind: 'place' });
    }
    for (const f of focus.features) labels.push({ position: centroidOf(f.geometry), text: f.properties.name, kind: 'focus' });
    served.forEach((f, i) => {
      if (inBounds(f.location, bounds)) labels.push({ position: f.location, text: String(i + 1), kind: 'served' });
    });
    const spots = new Set<SpotKey>();
    for (const cell of cells) {
      const s = spotKey(cell);
      if (s !== null) spots.add(s);
    }
    return { style, bounds, labels, spots, served: served.length > 0, onlyRehab: b.area.kind !== 'focus' };
  }, [b, inputs]);

  const { t } = i18n;
  if (built === null) return null;
  return (
    <figure className="map-block">
      <BriefingMap style={built.style} bounds={built.bounds} labels={built.labels} ariaLabel={t('map.label', { name: b.area.name })} onDrawn={onDrawn} />
      {legend && <MapLegend i18n={i18n} spots={built.spots} served={built.served} onlyRehab={built.onlyRehab} />}
    </figure>
  );
}

export function MapLegend({ i18n, spots, served, onlyRehab }: { i18n: BriefingI18n; spots: ReadonlySet<SpotKey>; served: boolean; onlyRehab: boolean }) {
  const { t } = i18n;
  const shownSpots = SPOT_KEYS.filter((s) => spots.has(s));
  return (
    <figcaption className="map-legend">
      {shownSpots.map((s) => (
        <span key={s} className="legend-item">
          <span className="legend-hex" style={{ background: BRIEFING_COLORS[s] }} />
          {t(`legend.${s}`)}
        </span>
      ))}
      {shownSpots.length === 0 && <span className="legend-item muted">{t('legend.noHot')}</span>}
      <span className="legend-item">
        <span className="legend-area" />
        {t('legend.focus')}
      </span>
      <span className="legend-item">
        <span className="legend-dot" style={{ background: BRIEFING_COLORS.rehab }} />
        {t('legend.rehab')}
      </span>
      {!onlyRehab && (
        <span className="legend-item">
          <span className="legend-dot" style={{ background: BRIEFING_COLORS.other }} />
          {t('legend.other')}
        </span>
      )}
      {served && (
        <span className="legend-item">
          <span className="legend-served">1</span>
          {t('legend.served')}
        </span>
      )}
    </figcaption>
  );
}
