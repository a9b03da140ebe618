// "Ekspor / Export": the current map as a PNG (title, legend, notice, date), and the current aggregated table (CSV) and
// areas with their figures (GeoJSON) from the server, which applies the viewer small-cell rule to both.
import { useState } from 'react';
import { indicatorExportUrl } from '../api';
import { useT } from '../i18n/use-t';
import { mapPngContent } from '../map/export-legend';
import { renderMapPng, saveBlob } from '../map/export-png';
import { probe } from '../probe';
import { periodQueryOf } from '../queries';
import { currentIndicators, healthOf } from '../state/selectors';
import { rawanStore, useRawan } from '../store';

type PngState = { status: 'idle' } | { status: 'busy' } | { status: 'error'; message: string };

export function ExportSection() {
  const i18n = useT();
  const { t } = i18n;
  const level = useRawan((s) => s.view.level);
  const from = useRawan((s) => s.view.from);
  const to = useRawan((s) => s.view.to);
  const types = useRawan((s) => s.view.types);
  const [png, setPng] = useState<PngState>({ status: 'idle' });
  const q = periodQueryOf({ from, to, types });

  const exportPng = async () => {
    setPng({ status: 'busy' });
    try {
      const s = rawanStore().getState();
      // Event points never leave the server for viewers; refuse rather than risk copying a density layer for one.
      if (s.role !== 'analyst' && s.role !== 'admin' && probe().layerIds.includes('heatmap')) throw new Error(t('export.pointsRefused'));
      const content = mapPngContent(s.view, currentIndicators(s), healthOf(s), i18n, new Date().toISOString().slice(0, 10));
      saveBlob(await renderMapPng(content), content.fileName);
      setPng({ status: 'idle' });
    } catch (err) {
      setPng({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <fieldset className="group export-group" data-testid="export-section">
      <legend>{t('export.title')}</legend>
      <div className="button-row">
        <button type="button" onClick={() => void exportPng()} disabled={png.status === 'busy'} aria-busy={png.status === 'busy'} data-testid="export-png">
          {t('export.png')}
        </button>
        {q ? (
          <>
            <a className="export-link" href={indicatorExportUrl('csv', level, q)} download data-testid="export-table-csv">
              {t('export.csv')}
            </a>
            <a className="export-link" href={indicatorExportUrl('geojson', level, q)} download data-testid="export-areas-geojson">
              {t('export.geojson')}
            </a>
          </>
        ) : null}
      </div>
      {q ? null : <p className="hint">{t('export.needFilters')}</p>}
      <p className="hint">{t('export.hint')}</p>
      <p className={`export-status ${png.status === 'error' ? 'error-text' : 'hint'}`} role="status" aria-live="polite" data-testid="export-status">
        {png.status === 'busy' ? t('export.pngBusy') : png.status === 'error' ? t('export.pngFailed', { message: png.message }) : ''}
      </p>
    </fieldset>
  );
}
