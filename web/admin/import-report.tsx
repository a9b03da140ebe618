// The validation report of one import: what happened in one sentence, totals, problems per kind, the first 100 issues, notes.
import type { ImportReport } from './admin-api';
import { useAdminT } from './admin-i18n';
import { fieldLabel } from './import-fields';

export type ReportOutcome = 'dry-ok' | 'refused' | 'written';

export function ImportReportView({ report, outcome, importId }: { report: ImportReport; outcome: ReportOutcome; importId: string }) {
  const { lang, t, num, issueCode, issueMessage } = useAdminT();
  const notes = lang === 'id' ? report.localizedNotes.id : report.notes;
  const vars = { rows: num(report.rows), accepted: num(report.accepted), rejected: num(report.rejected), errors: num(report.errors), id: importId };
  const headline =
    outcome === 'written'
      ? t('report.written', vars)
      : outcome === 'refused'
        ? t(report.rows === 0 || report.issues.some((i) => i.row === 0 && i.severity === 'error') ? 'report.refusedFile' : 'report.refused', vars)
        : t('report.dryOk', vars);
  const codes = Object.entries(report.summary).sort(([, a], [, b]) => b - a);
  const issueTotal = report.errors + report.warnings;
  return (
    <section className="admin-card" aria-labelledby="report-title" data-testid="import-report">
      <h2 id="report-title">
        {t('report.title')} <span className="muted small">· {report.file}</span>
      </h2>
      <p className={`admin-banner ${outcome === 'refused' ? 'bad' : 'good'}`} role="status" data-testid="report-headline">
        {headline}
      </p>
      <dl className="admin-totals">
        <div>
          <dt>{t('report.format')}</dt>
          <dd>{report.format}</dd>
        </div>
        <div>
          <dt>{t('report.rows')}</dt>
          <dd>{num(report.rows)}</dd>
        </div>
        <div>
          <dt>{t('report.accepted')}</dt>
          <dd>{num(report.accepted)}</dd>
        </div>
        <div className={report.rejected > 0 ? 'bad' : ''}>
          <dt>{t('report.rejected')}</dt>
          <dd>{num(report.rejected)}</dd>
        </div>
        <div className={report.errors > 0 ? 'bad' : ''}>
          <dt>{t('report.errors')}</dt>
          <dd>{num(report.errors)}</dd>
        </div>
        <div className={report.warnings > 0 ? 'warn' : ''}>
          <dt>{t('report.warnings')}</dt>
          <dd>{num(report.warnings)}</dd>
        </div>
      </dl>
      {codes.length > 0 ? (
        <>
          <h3>{t('report.perCode')}</h3>
          <ul className="admin-codes" data-testid="report-codes">
            {codes.map(([code, n]) => (
              <li key={code}>
                <span className="count">{num(n)}</span> {issueCode(code)} <code>{code}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {notes.length > 0 ? (
        <>
          <h3>{t('report.notes')}</h3>
          <ul className="admin-notes">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('report.issues')}</h3>
      {report.issues.length === 0 ? (
        <p className="muted">{t('report.noIssues')}</p>
      ) : (
        <>
          {issueTotal > report.issues.length ? (
            <p className="muted small">{t('report.issuesMore', { shown: num(report.issues.length), total: num(issueTotal) })}</p>
          ) : null}
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="issues-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('report.row')}
                  </th>
                  <th scope="col">{t('report.severity')}</th>
                  <th scope="col">{t('report.field')}</th>
                  <th scope="col">{t('report.code')}</th>
                  <th scope="col">{t('report.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((i, k) => (
                  <tr key={k} className={i.severity === 'error' ? 'bad' : 'warn'}>
                    <td className="num">{i.row === 0 ? t('report.rowFile') : i.row}</td>
                    <td>{i.severity === 'error' ? t('report.error') : t('report.warning')}</td>
                    <td title={i.field}>{i.field === undefined ? '' : fieldLabel(report.kind, i.field, lang)}</td>
                    <td title={i.code}>{issueCode(i.code)}</td>
                    <td>{issueMessage(i)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
