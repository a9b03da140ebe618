// Upload progress (bytes sent, from XMLHttpRequest) and then processing progress (the phase GET /api/imports/:id reports).
import { useAdminT } from './admin-i18n';
import type { UploadStage } from './api-upload';

export function UploadProgress({ progress }: { progress: UploadStage }) {
  const { t, num, bytes } = useAdminT();
  if (progress.stage === 'uploading') {
    const share = progress.total > 0 ? progress.loaded / progress.total : 0;
    return (
      <div className="admin-progress" role="status" data-testid="upload-progress">
        <span>
          {t('import.uploading', { pct: `${Math.round(share * 100)}%` })}{' '}
          <span className="muted small">
            ({bytes(progress.loaded)} / {bytes(progress.total)})
          </span>
        </span>
        <progress max={1} value={share} />
      </div>
    );
  }
  const p = progress.progress;
  const phase =
    p === null
      ? t('import.phase.waiting')
      : p.phase === 'writing'
        ? t('import.phase.writing', { records: num(p.records ?? 0) })
        : p.phase === 'done'
          ? t('import.phase.done')
          : t('import.phase.validating', { file: p.file ?? '' });
  return (
    <div className="admin-progress" role="status" data-testid="processing-progress">
      <span>{t('import.processing', { phase })}</span>
      {/* The server reports phases, not fractions, so the bar moves between them and is indeterminate within one. */}
      {p === null || p.phase === 'validating' ? <progress /> : <progress max={2} value={p.phase === 'writing' ? 1 : 2} />}
    </div>
  );
}
