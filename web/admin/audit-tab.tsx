// Audit log tab: entries newest first, filtered by action, user and date range, paged backwards, details expandable.
import { useEffect, useState, type FormEvent } from 'react';
import { AdminApiError, listAudit, type AuditEntry, type AuditFilter } from './admin-api';
import { useAdminT } from './admin-i18n';
import { AUDIT_ACTIONS } from './admin-messages';
import { currentBefore, detailsSummary, FIRST_PAGE, newerPage, olderPage, type AuditPages } from './audit-paging';

const PAGE_SIZE = 50;
const NO_FILTER: AuditFilter = { action: '', username: '', from: '', to: '' };

export function AuditTab() {
  const { t, num, dateTime } = useAdminT();
  const [draft, setDraft] = useState<AuditFilter>(NO_FILTER);
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [pages, setPages] = useState<AuditPages>(FIRST_PAGE);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const before = currentBefore(pages);

  useEffect(() => {
    let live = true;
    setEntries(null);
    setError(null);
    listAudit(filter, before, PAGE_SIZE).then(
      (e) => live && setEntries(e),
      (e: unknown) => live && setError(t('audit.error', { message: e instanceof AdminApiError ? e.message : String(e) })),
    );
    return () => {
      live = false;
    };
  }, [filter, before, reloads, t]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
    setPages(FIRST_PAGE);
    setReloads((n) => n + 1);
  };
  const set = (k: keyof AuditFilter) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <div className="admin-audit">
      <section className="admin-card" aria-labelledby="audit-title">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <form className="admin-inline-form" onSubmit={apply} data-testid="audit-filters">
          <label className="admin-field">
            <span>{t('audit.action')}</span>
            <select value={draft.action} onChange={set('action')} name="action">
              <option value="">{t('audit.allActions')}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label className="admin-field">
            <span>{t('audit.username')}</span>
            <input value={draft.username} onChange={set('username')} name="username" maxLength={64} />
          </label>
          <label className="admin-field">
            <span>{t('audit.from')}</span>
            <input type="date" value={draft.from} onChange={set('from')} name="from" />
          </label>
          <label className="admin-field">
            <span>{t('audit.to')}</span>
            <input type="date" value={draft.to} onChange={set('to')} name="to" />
          </label>
          <button type="submit" className="primary">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => {
              setDraft(NO_FILTER);
              setFilter(NO_FILTER);
              setPages(FIRST_PAGE);
            }}
          >
            {t('audit.clear')}
          </button>
        </form>
        {error ? (
          <p className="admin-banner bad" role="alert">
            {error}
          </p>
        ) : null}
        {entries === null && !error ? <p className="muted">{t('loading')}</p> : null}
        {entries?.length === 0 ? <p className="muted">{t('audit.empty')}</p> : null}
        {entries && entries.length > 0 ? (
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">{t('audit.time')}</th>
                  <th scope="col">{t('audit.username')}</th>
                  <th scope="col">{t('audit.role')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.target')}</th>
                  <th scope="col">{t('audit.address')}</th>
                  <th scope="col">{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq} data-action={e.action}>
                    <td className="num muted">{e.seq}</td>
                    <td className="nowrap">{dateTime(e.at)}</td>
                    <td>{e.username ?? '—'}</td>
                    <td>{e.role ?? '—'}</td>
                    <td>
                      <code className={`admin-action ${e.action.includes('fail') || e.action.includes('throttled') ? 'bad' : ''}`}>{e.action}</code>
                    </td>
                    <td className="wrap">{e.target ?? ''}</td>
                    <td className="nowrap muted small">{e.address ?? ''}</td>
                    <td className="wrap">
                      {e.details === null ? (
                        ''
                      ) : (
                        <details>
                          <summary>{detailsSummary(e.details)}</summary>
                          <pre>{JSON.stringify(e.details, null, 2)}</pre>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className="admin-actions">
          <button type="button" className="ghost" disabled={pages.length <= 1} onClick={() => setPages(FIRST_PAGE)}>
            {t('audit.newest')}
          </button>
          <button type="button" disabled={pages.length <= 1} onClick={() => setPages(newerPage(pages))}>
            {t('audit.newer')}
          </button>
          <button type="button" disabled={!entries || entries.length < PAGE_SIZE} onClick={() => entries && setPages(olderPage(pages, entries))}>
            {t('audit.older')}
          </button>
          <span className="muted small">{t('audit.page', { n: num(pages.length), count: num(entries?.length ?? 0) })}</span>
        </div>
      </section>
    </div>
  );
}
