// Past imports on the import tab: the stored imports newest first, each applied one can be rolled back as a whole after a confirm.
import { useEffect, useRef, useState } from 'react';
import { AdminApiError, listImports, rollbackImport, type ImportRecord } from './admin-api';
import { useAdminT } from './admin-i18n';
import { filesSummary, knownKind, rollbackProblem, type RollbackProblem } from './import-records';

const LIMIT = 100;

type Notice = { tone: 'good'; id: string; removed: number; restored: number; replaced: number } | { tone: 'bad'; id: string; problem: RollbackProblem } | null;

/** `refreshKey` changes when the import form has written, so the new import shows up. */
export function ImportHistory({ refreshKey }: { refreshKey: number }) {
  const { t, num, dateTime } = useAdminT();
  const [records, setRecords] = useState<ImportRecord[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const [pending, setPending] = useState<ImportRecord | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const confirmRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    let live = true;
    // The rows shown stay until the new list arrives, so a reload after a rollback does not flicker.
    setLoadError(null);
    listImports(LIMIT).then(
      (r) => live && setRecords(r),
      (e: unknown) => live && setLoadError(t('history.error', { message: e instanceof AdminApiError ? e.message : String(e) })),
    );
    return () => {
      live = false;
    };
  }, [refreshKey, reloads, t]);

  const ask = (r: ImportRecord) => {
    setPending(r);
    confirmRef.current?.showModal();
  };

  const rollBack = async (r: ImportRecord) => {
    setBusyId(r.id);
    setNotice(null);
    try {
      const res = await rollbackImport(r.id);
      setNotice({ tone: 'good', id: r.id, removed: res.removed, restored: res.restored, replaced: res.replaced ?? 0 });
    } catch (e) {
      const err = e instanceof AdminApiError ? e : new AdminApiError(0, 'unknown', String(e));
      setNotice({ tone: 'bad', id: r.id, problem: rollbackProblem(err) });
    } finally {
      setBusyId(null);
      setReloads((n) => n + 1);
    }
  };

  const later = new Set(notice?.tone === 'bad' ? notice.problem.laterImports : []);
  const filesText = (r: ImportRecord) => r.files.map((f) => f.file).join(', ');
  const kindName = (kind: string) => {
    const k = knownKind(kind);
    return k ? t(`kind.${k}`) : kind;
  };

  return (
    <section className="admin-card admin-history" aria-labelledby="history-title" data-testid="import-history">
      <div className="admin-card-head">
        <h2 id="history-title">{t('history.title')}</h2>
        <button type="button" className="ghost" onClick={() => setReloads((n) => n + 1)} disabled={busyId !== null}>
          {t('history.reload')}
        </button>
      </div>
      <p className="muted small">{t('history.intro')}</p>
      {notice?.tone === 'good' ? (
        <p className="admin-banner good" role="status" data-testid="history-notice">
          {t('history.done', { id: notice.id, removed: num(notice.removed), restored: num(notice.restored) })}
          {notice.replaced > 0 ? ` ${t('history.replaced', { n: num(notice.replaced) })}` : ''}
        </p>
      ) : null}
      {notice?.tone === 'bad' ? (
        <div className="admin-banner bad" role="alert" data-testid="history-notice" data-problem={notice.problem.kind}>
          <p>
            {t('history.failed', {
              id: notice.id,
              // The reasons the page knows are said in its language; any other is the server's own words.
              message: notice.problem.kind === 'other' ? notice.problem.message : t(`history.problem.${notice.problem.kind}`),
            })}
          </p>
          {notice.problem.laterImports.length > 0 ? (
            <>
              <p>{t('history.laterFirst')}</p>
              <ul>
                {notice.problem.laterImports.map((id) => (
                  <li key={id}>
                    <code>{id}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {loadError ? (
        <p className="admin-banner bad" role="alert">
          {loadError}
        </p>
      ) : null}
      {records === null && !loadError ? <p className="muted">{t('loading')}</p> : null}
      {records?.length === 0 ? (
        <p className="muted" data-testid="history-empty">
          {t('history.empty')}
        </p>
      ) : null}
      {records && records.length > 0 ? (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">{t('history.time')}</th>
                <th scope="col">{t('history.by')}</th>
                <th scope="col">{t('history.files')}</th>
                <th scope="col" className="num">
                  {t('history.records')}
                </th>
                <th scope="col">{t('history.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('history.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => {
                const files = filesSummary(r.files);
                const rolledBack = r.status === 'rolled_back';
                return (
                  <tr key={r.id} data-import-id={r.id} data-status={r.status} className={later.has(r.id) ? 'warn' : rolledBack ? 'disabled' : ''}>
                    <td className="nowrap">
                      {dateTime(r.at)}
                      <br />
                      <code className="small">{r.id}</code>
                    </td>
                    <td>{r.by ?? t('history.cli')}</td>
                    <td className="wrap">
                      <ul className="admin-files">
                        {files.shown.map((f, i) => (
                          <li key={`${i}-${f.file}`}>
                            <span className="admin-kind">{kindName(f.kind)}</span> {f.file}{' '}
                            <span className="muted">· {t('history.rows', { n: num(f.rows) })}</span>
                          </li>
                        ))}
                        {files.more > 0 ? <li className="muted">{t('history.moreFiles', { n: num(files.more), rows: num(files.moreRows) })}</li> : null}
                      </ul>
                    </td>
                    <td className="num">{num(r.records)}</td>
                    <td>
                      <span className={`admin-pill ${rolledBack ? 'off' : 'on'}`}>{rolledBack ? t('history.rolledBack') : t('history.applied')}</span>
                      {rolledBack && r.rolledBackAt !== null ? (
                        <div className="muted small nowrap">
                          {t('history.rolledBackWhen', { when: dateTime(r.rolledBackAt), by: r.rolledBackBy ?? t('history.cli') })}
                        </div>
                      ) : null}
                    </td>
                    <td className="nowrap">
                      {rolledBack ? null : (
                        <button type="button" className="danger small-button" disabled={busyId !== null} onClick={() => ask(r)}>
                          {busyId === r.id ? t('history.rollingBack') : t('history.rollBack')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {records && records.length >= LIMIT ? <p className="muted small">{t('history.limited', { n: num(LIMIT) })}</p> : null}
      <dialog ref={confirmRef} className="admin-dialog" aria-labelledby="rollback-title" data-testid="confirm-rollback">
        <h2 id="rollback-title">{t('history.confirmTitle')}</h2>
        <p>{pending ? t('history.confirmBody', { records: num(pending.records), id: pending.id, files: filesText(pending) }) : ''}</p>
        <div className="admin-actions end">
          <button type="button" className="ghost" onClick={() => confirmRef.current?.close()}>
            {t('history.cancel')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              confirmRef.current?.close();
              if (pending) void rollBack(pending);
            }}
          >
            {t('history.confirm')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
