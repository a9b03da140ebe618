// The briefing page: loads the data, shows the A4 sheets (one for an area, two for all Jakarta) with the Download PDF
// and Print buttons on screen, and reports readiness once every map has drawn.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadBriefing, pdfUrl, type BriefingBundle } from './briefing-api';
import { briefingHref, type BriefingParams } from './briefing-params';
import { briefingI18n } from './briefing-strings';
import { markFailed, markReady } from './ready';
import { AreaSheet, FocusAreasSheet, mapCount } from './Sheets';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ok'; bundle: BriefingBundle };

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function BriefingPage({ params }: { params: BriefingParams }) {
  const i18n = useMemo(() => briefingI18n(params.lang), [params.lang]);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const drawn = useRef(0);

  useEffect(() => {
    let live = true;
    loadBriefing(params)
      .then((bundle) => {
        if (!live) return;
        drawn.current = 0;
        setLoad({ status: 'ok', bundle });
        document.title = `${bundle.briefing.area.name} · ${i18n.t('kicker').split(' · ')[0]} · Rawan`;
      })
      .catch((err: unknown) => {
        if (!live) return;
        const message = err instanceof Error ? err.message : String(err);
        setLoad({ status: 'error', message });
        markFailed(message);
      });
    return () => {
      live = false;
    };
  }, [params, i18n]);

  const expected = load.status === 'ok' ? mapCount(load.bundle) : 0;
  const onMapDrawn = useCallback(() => {
    drawn.current += 1;
    if (drawn.current < expected) return;
    // Fonts and the labels' layout settle before the renderer prints.
    void document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(markReady)));
  }, [expected]);

  if (load.status === 'loading')
    return (
      <main className="briefing-screen">
        <p className="briefing-status" role="status">
          {i18n.t('loading')}
        </p>
      </main>
    );
  if (load.status === 'error')
    return (
      <main className="briefing-screen">
        <p className="briefing-status error" role="alert" data-testid="briefing-error">
          {i18n.t('error', { message: load.message })}
        </p>
      </main>
    );

  const { bundle } = load;
  const b = bundle.briefing;
  const printedOn = i18n.date(todayIso());
  const focusAreas = b.focusAreas ?? [];
  const pages = focusAreas.length > 0 ? 2 : 1;
  return (
    <main className="briefing-screen" data-testid="briefing" data-area={b.area.id} data-lang={params.lang}>
      {!params.print && (
        <nav className="briefing-toolbar" aria-label="briefing">
          <a className="tb-link" href="/">
            ← {i18n.t('button.dashboard')}
          </a>
          <span className="tb-spacer" />
          <a className="tb-link" href={briefingHref(params, { lang: params.lang === 'id' ? 'en' : 'id' })} hrefLang={params.lang === 'id' ? 'en' : 'id'}>
            {i18n.t('button.lang')}
          </a>
          <a className="tb-button" href={pdfUrl(params, b.period)} download data-testid="download-pdf">
            {i18n.t('button.pdf')}
          </a>
          <button type="button" className="tb-button primary" onClick={() => window.print()} data-testid="print">
            {i18n.t('button.print')}
          </button>
        </nav>
      )}
      <AreaSheet b={b} bundle={bundle} i18n={i18n} printedOn={printedOn} onMapDrawn={onMapDrawn} page={1} pages={pages} />
      {focusAreas.length > 0 && <FocusAreasSheet areas={focusAreas} bundle={bundle} i18n={i18n} printedOn={printedOn} onMapDrawn={onMapDrawn} />}
    </main>
  );
}
