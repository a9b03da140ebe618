// Import tab: choose kind and file, dry run with upload and processing progress, report, column mapping, map preview, then import; past imports below.
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { AdminApiError, IMPORT_KINDS, importLimits, type ImportKind } from './admin-api';
import { useAdminT } from './admin-i18n';
import { runUpload, type UploadResult, type UploadStage } from './api-upload';
import { ColumnMapping } from './column-mapping';
import { columnsFound, errorRowsOf, runKey } from './import-fields';
import { ImportHistory } from './import-history';
import { ImportPreview } from './import-preview';
import { ImportReportView, type ReportOutcome } from './import-report';
import { UploadProgress } from './upload-progress';

type Run =
  | { stage: 'idle' }
  | { stage: 'busy'; dryRun: boolean; progress: UploadStage }
  | { stage: 'result'; dryRun: boolean; key: string; result: UploadResult }
  | { stage: 'error'; message: string };

export function ImportTab() {
  const { t, bytes } = useAdminT();
  const [kind, setKind] = useState<ImportKind>('events');
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [year, setYear] = useState('');
  const [run, setRun] = useState<Run>({ stage: 'idle' });
  /** The last dry run, which the mapping selects and the preview are built from. */
  const [dry, setDry] = useState<{ key: string; result: UploadResult } | null>(null);
  const [dragging, setDragging] = useState(false);
  /** Counts real imports written here, so Past imports reloads after each. */
  const [writes, setWrites] = useState(0);
  const confirmRef = useRef<HTMLDialogElement>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  /** The server's largest import file, once known: a bigger file is refused here instead of after its upload. */
  const [maxBytes, setMaxBytes] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    // Unknown limit (an older server, a failed request): the server still refuses a file too large, after the upload.
    importLimits().then(
      (l) => live && setMaxBytes(l.maxBytes),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const tooLarge = file !== null && maxBytes !== null && file.size > maxBytes;

  const key = runKey(kind, file, mapping, year);
  const busy = run.stage === 'busy';
  const dryReport = dry?.result.outcome.reports[0] ?? null;
  const dryErrorRows = useMemo(() => (dryReport ? errorRowsOf(dryReport) : null), [dryReport]);
  const canImport = !busy && dry !== null && dry.key === key && dry.result.status === 'done' && !(run.stage === 'result' && !run.dryRun && run.key === key);

  const choose = (f: File | null) => {
    setFile(f);
    setMapping({});
    setDry(null);
    setRun({ stage: 'idle' });
  };

  const start = async (dryRun: boolean) => {
    if (!file) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setRun({ stage: 'busy', dryRun, progress: { stage: 'uploading', loaded: 0, total: file.size } });
    try {
      const result = await runUpload({ kind, file, dryRun, mapping, year }, (progress) => setRun({ stage: 'busy', dryRun, progress }), controller.signal);
      if (controller.signal.aborted) return;
      if (dryRun) setDry({ key, result });
      else if (result.status === 'done') setWrites((n) => n + 1);
      setRun({ stage: 'result', dryRun, key, result });
    } catch (e) {
      if (controller.signal.aborted) return;
      const message = e instanceof AdminApiError ? e.message : String(e);
      const code = e instanceof AdminApiError ? e.code : null;
      setRun({
        stage: 'error',
        message:
          code === 'payload_too_large' && maxBytes !== null
            ? t('import.tooLarge', { size: bytes(file.size), limit: bytes(maxBytes) })
            : code === 'import_failed'
              ? t('import.serverFailed', { message })
              : t('import.failed', { message }),
      });
    }
  };

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) choose(f);
  };

  const shown = run.stage === 'result' ? run : null;
  const shownReport = shown?.result.outcome.reports[0] ?? null;
  const outcome: ReportOutcome | null = shown ? (shown.result.status === 'refused' ? 'refused' : shown.dryRun ? 'dry-ok' : 'written') : null;

  return (
    <div className="admin-import">
      <section className="admin-card" aria-labelledby="import-title">
        <h2 id="import-title" className="visually-hidden">
          {t('tabs.import')}
        </h2>
        <div className="admin-import-form">
          <label className="admin-field">
            <span>{t('import.kind')}</span>
            <select
              value={kind}
              disabled={busy}
              onChange={(e) => {
                const k = IMPORT_KINDS.find((x) => x === e.target.value);
                if (k) {
                  setKind(k);
                  setMapping({});
                  setDry(null);
                  setRun({ stage: 'idle' });
                }
              }}
              data-testid="import-kind"
            >
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {kind === 'population' ? (
            <label className="admin-field">
              <span>{t('import.year')}</span>
              <input type="number" min={1901} max={2199} step={1} value={year} disabled={busy} onChange={(e) => setYear(e.target.value)} placeholder="2020" />
              <span className="muted small">{t('import.yearHint')}</span>
            </label>
          ) : null}
        </div>
        <div
          className={`admin-dropzone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="dropzone"
        >
          <p>
            {t('import.drop')}{' '}
            <label className="admin-linklike">
              {t('import.choose')}
              <input
                type="file"
                className="visually-hidden"
                accept=".geojson,.json,.csv,.txt,.zip,.kml"
                disabled={busy}
                onChange={(e) => choose(e.target.files?.[0] ?? null)}
                data-testid="import-file"
                aria-label={t('import.file')}
              />
            </label>
          </p>
          {file ? (
            <p className="admin-chosen" data-testid="chosen-file">
              {t('import.chosen', { name: file.name, size: bytes(file.size) })}
            </p>
          ) : null}
          <p className="muted small">{t('import.formats')}</p>
        </div>
        {dryReport && dry && columnsFound(dryReport).length > 0 ? (
          <ColumnMapping kind={kind} report={dryReport} mapping={mapping} onChange={(field, column) => setMapping((m) => ({ ...m, [field]: column }))} />
        ) : null}
        <div className="admin-actions">
          <button type="button" className="primary" disabled={!file || busy || tooLarge} onClick={() => void start(true)}>
            {t('import.dryRun')}
          </button>
          <button type="button" className="danger" disabled={!canImport} onClick={() => confirmRef.current?.showModal()}>
            {t('import.import')}
          </button>
          {file ? (
            <button type="button" className="ghost" disabled={busy} onClick={() => choose(null)}>
              {t('import.reset')}
            </button>
          ) : null}
        </div>
        {tooLarge && maxBytes !== null ? (
          <p className="admin-banner bad" role="alert" data-testid="file-too-large">
            {t('import.tooLarge', { size: bytes(file.size), limit: bytes(maxBytes) })}
          </p>
        ) : null}
        {file && !busy && !canImport && !tooLarge && !(shown && !shown.dryRun) ? (
          <p className="muted small">{dry !== null && dry.key !== key ? t('import.changed') : t('import.needDryRun')}</p>
        ) : null}
        {run.stage === 'busy' ? <UploadProgress progress={run.progress} /> : null}
        {run.stage === 'error' ? (
          <p className="admin-banner bad" role="alert">
            {run.message}
          </p>
        ) : null}
      </section>
      {shown && shownReport && outcome ? (
        <ImportReportView report={shownReport} outcome={outcome} importId={shown.result.outcome.importId ?? shown.result.id} />
      ) : null}
      {file && dryReport && dryErrorRows && dry?.key === key && dryReport.rows > 0 && !dryErrorRows.has(0) ? (
        <ImportPreview kind={kind} file={file} used={dryReport.columns.used} errorRows={dryErrorRows} />
      ) : null}
      <ImportHistory refreshKey={writes} />
      <dialog ref={confirmRef} className="admin-dialog" aria-labelledby="confirm-title" data-testid="confirm-import">
        <h2 id="confirm-title">{t('import.confirmTitle')}</h2>
        <p>{t('import.confirmBody', { accepted: dryReport?.accepted ?? 0, kind: t(`kind.${kind}`).toLowerCase(), file: file?.name ?? '' })}</p>
        <div className="admin-actions end">
          <button type="button" className="ghost" onClick={() => confirmRef.current?.close()}>
            {t('import.cancel')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              confirmRef.current?.close();
              void start(false);
            }}
          >
            {t('import.confirm')}
          </button>
        </div>
      </dialog>
    </div>
  );
}
