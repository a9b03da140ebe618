// The dashboard shell: header, filter panel, map with legend and status, detail panel, and the dialogs.
import { lazy, Suspense, useEffect } from 'react';
import { useDataLoaders } from './data-loader';
import { useT } from './i18n/use-t';
import { DetailPanel } from './panels/detail-panel';
import { FilterPanel, usePanelMode } from './panels/filter-panel';
import { Header } from './panels/header';
import { Legend } from './panels/legend';
import { LoginDialog } from './panels/login-dialog';
import { MapStatus } from './panels/map-status';
import { NoticeDialog, NoticeStrip } from './panels/data-notice';
import { usePlayback } from './playback';
import { rawanStore } from './store';

// MapLibre and deck.gl are most of the JavaScript; loading them as their own chunk lets the panels paint meanwhile.
const MapView = lazy(() => import('./map/MapView'));

export function App() {
  const { t } = useT();
  useDataLoaders();
  usePlayback();
  const mode = usePanelMode();
  useEffect(() => {
    rawanStore().getState().loadSession();
  }, []);
  return (
    <div className={`app mode-${mode}`}>
      <Header />
      <FilterPanel />
      <main className="map-area" id="map" tabIndex={-1} aria-label={t('map.label')}>
        <Suspense fallback={<div className="map-placeholder">{t('status.loadingMap')}</div>}>
          <MapView />
        </Suspense>
        <MapStatus />
        <Legend />
        <NoticeStrip />
      </main>
      <DetailPanel />
      <NoticeDialog />
      <LoginDialog />
    </div>
  );
}
