// The parts every printed sheet shares: the header with area and period, the key points, and the provenance footer.
import type { HealthResponse, HotspotsResponse } from '../api';
import type { AreaBriefing } from './briefing-api';
import { methodLine, notices } from './briefing-figures';
import type { BriefingI18n } from './briefing-strings';

export function SheetHeader({ title, subtitle, b, i18n }: { title: string; subtitle: string | null; b: AreaBriefing; i18n: BriefingI18n }) {
  const { t } = i18n;
  return (
    <header className="sheet-header">
      <div className="sheet-title">
        <div className="kicker">{t('kicker')}</div>
        <h1 data-testid="briefing-title">{title}</h1>
        {subtitle !== null && <div className="subtitle">{subtitle}</div>}
      </div>
      <div className="sheet-period" data-testid="briefing-period">
        <div className="period-main">{t('period', { from: i18n.date(b.period.from), to: i18n.date(b.period.to), days: i18n.num(b.period.days) })}</div>
        <div className="period-prev">{t('compared', { from: i18n.date(b.previousPeriod.from), to: i18n.date(b.previousPeriod.to) })}</div>
      </div>
    </header>
  );
}

export function KeyPoints({ sentences, i18n, heading = true }: { sentences: readonly string[]; i18n: BriefingI18n; heading?: boolean }) {
  return (
    <section className="points">
      {heading && <h2>{i18n.t('section.points')}</h2>}
      <ul data-testid="briefing-sentences">
        {sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}

interface FooterProps {
  i18n: BriefingI18n;
  health: HealthResponse;
  hotspots: HotspotsResponse;
  boundarySource: string | null;
  facilitySource: string | null;
  k: number | null;
  page: number;
  pages: number;
  printedOn: string;
  /** Name the sources in full (the first page) or refer to the first page. */
  sourcesInFull: boolean;
}

export function SheetFooter({ i18n, health, hotspots, boundarySource, facilitySource, k, page, pages, printedOn, sourcesInFull }: FooterProps) {
  const { t } = i18n;
  const caveats = notices(health.data, i18n);
  const sources = [
    boundarySource !== null ? t('footer.boundaries', { s: boundarySource }) : null,
    facilitySource !== null ? t('footer.facilities', { s: facilitySource }) : null,
    health.events !== null ? t('footer.events', { from: i18n.date(health.events.from), to: i18n.date(health.events.to) }) : null,
    t('footer.basemap'),
  ].filter((s): s is string => s !== null);
  return (
    <footer className="sheet-footer" data-testid="briefing-footer">
      {caveats.length > 0 && (
        <p className="footer-notice" data-testid="briefing-notice">
          {caveats.join(' ')}
        </p>
      )}
      <p className="footer-method" data-testid="briefing-method">
        {methodLine(hotspots, i18n)}
      </p>
      <p className="footer-sources">
        {sourcesInFull ? (
          <>
            <strong>{t('footer.sources')}:</strong> {sources.join('; ')}.
          </>
        ) : (
          t('footer.seePage1')
        )}
        {k !== null && <> {t('footer.privacy', { k })}</>}
      </p>
      <p className="footer-meta">
        <span>Rawan · {t('footer.printed', { date: printedOn })}</span>
        <span>{t('footer.page', { n: page, of: pages })}</span>
      </p>
    </footer>
  );
}
