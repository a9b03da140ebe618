// Map options: which layers are on, the choropleth's level, indicator and classification, and the hotspot settings.
import { useId } from 'react';
import { useT } from '../i18n/use-t';
import { hotspotLayerResource } from '../state/selectors';
import { rawanStore, useRawan } from '../store';
import { ADMIN_LEVELS, CONFIDENCES, HOTSPOT_METHODS, LAYER_IDS, RESOLUTIONS, isLayerOn, type LayerId, type ViewState } from '../view-state';

function Select<T extends string | number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        onChange={(e) => {
          const chosen = options.find((o) => String(o.value) === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LayerControl() {
  const { t } = useT();
  const view = useRawan((s) => s.view);
  const role = useRawan((s) => s.role);
  const hotspots = useRawan(hotspotLayerResource);
  const setView = (patch: Partial<ViewState>) => rawanStore().getState().setView(patch);
  const toggle = (id: LayerId, on: boolean) => setView({ layers: LAYER_IDS.filter((l) => (l === id ? on : view.layers.includes(l))) });
  // Points never reach viewers (DESIGN.md privacy), so the density layer is not even offered to them.
  const offered = LAYER_IDS.filter((l) => l !== 'heatmap' || role !== 'viewer');

  return (
    <>
      <fieldset className="group">
        <legend>{t('filters.layers')}</legend>
        {offered.map((id) => (
          <label key={id} className="toggle">
            <input type="checkbox" name="layers" value={id} checked={isLayerOn(view, id)} onChange={(e) => toggle(id, e.target.checked)} />
            <span>{t(`layer.${id}`)}</span>
            {id === 'heatmap' ? <small className="badge">{t('layer.heatmapRole')}</small> : null}
          </label>
        ))}
        {isLayerOn(view, 'hotspots') && hotspots?.status === 'unavailable' ? (
          <p className="hint" role="status">
            {t('layer.unavailable')}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="group">
        <legend>{t('layer.choropleth')}</legend>
        <Select
          label={t('filters.level')}
          value={view.level}
          options={ADMIN_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          onChange={(level) => setView({ level })}
        />
        <Select
          label={t('filters.indicator')}
          value={view.indicator}
          options={[
            { value: 'rate', label: t('filters.indicator.rate') },
            { value: 'count', label: t('filters.indicator.count') },
          ]}
          onChange={(indicator) => setView({ indicator })}
        />
        <Select
          label={t('filters.classification')}
          value={view.classification}
          options={[
            { value: 'quantile', label: t('filters.classification.quantile') },
            { value: 'jenks', label: t('filters.classification.jenks') },
          ]}
          onChange={(classification) => setView({ classification })}
        />
      </fieldset>
      <fieldset className="group" disabled={!isLayerOn(view, 'hotspots')}>
        <legend>{t('filters.hotspot')}</legend>
        <Select
          label={t('filters.hotspotMethod')}
          value={view.hotspotMethod}
          options={HOTSPOT_METHODS.map((m) => ({ value: m, label: t(`filters.method.${m}`) }))}
          onChange={(hotspotMethod) => setView({ hotspotMethod })}
        />
        {view.hotspotMethod === 'emerging' ? (
          <Select
            label={t('filters.slice')}
            value={view.slice}
            options={[
              { value: 'month', label: t('filters.slice.month') },
              { value: 'quarter', label: t('filters.slice.quarter') },
            ]}
            onChange={(slice) => setView({ slice })}
          />
        ) : null}
        <Select
          label={t('filters.confidence')}
          value={view.confidence}
          options={CONFIDENCES.map((c) => ({ value: c, label: `${c}%` }))}
          onChange={(confidence) => setView({ confidence })}
        />
        <Select
          label={t('filters.resolution')}
          value={view.resolution}
          options={RESOLUTIONS.map((r) => ({ value: r, label: `H3 r${r}` }))}
          onChange={(resolution) => setView({ resolution })}
        />
        <label className="toggle">
          <input type="checkbox" checked={view.fdr} onChange={(e) => setView({ fdr: e.target.checked })} />
          <span>{t('filters.fdr')}</span>
        </label>
      </fieldset>
    </>
  );
}
