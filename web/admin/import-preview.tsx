// The dry-run preview: reads the chosen file in the browser and draws its records, or says why there is no map preview.
import { useEffect, useState } from 'react';
import type { ImportKind } from './admin-api';
import { useAdminT } from './admin-i18n';
import { PreviewMap, INVALID_COLOR, VALID_COLOR } from './preview-map';
import { buildPreview, previewFormat, type Preview } from './preview-parse';

/** `used` and `errorRows` come from one dry run's report and keep their identity until the next one. */
interface Props {
  kind: ImportKind;
  file: File;
  used: Readonly<Record<string, string>>;
  errorRows: ReadonlySet<number>;
}

export function ImportPreview({ kind, file, used, errorRows }: Props) {
  const { t, num } = useAdminT();
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      if (kind === 'population') return { kind: 'no-geometry' as const };
      const head = await file.slice(0, 64).text();
      if (previewFormat(file.name, head) === 'server-only') return { kind: 'server-only' as const };
      return buildPreview(file.name, await file.text(), used, errorRows);
    })()
      .catch((): Preview => ({ kind: 'unreadable' }))
      .then((p) => {
        if (live) setPreview(p);
      });
    return () => {
      live = false;
    };
  }, [kind, file, used, errorRows]);

  return (
    <section className="admin-card" aria-labelledby="preview-title" data-testid="import-preview">
      <h2 id="preview-title">{t('preview.title')}</h2>
      {preview === null ? <p className="muted">{t('loading')}</p> : null}
      {preview?.kind === 'server-only' ? <p className="muted">{t('preview.afterImport')}</p> : null}
      {preview?.kind === 'no-geometry' ? <p className="muted">{kind === 'population' ? t('preview.noGeometry') : t('preview.none')}</p> : null}
      {preview?.kind === 'unreadable' ? <p className="muted">{t('preview.unreadable')}</p> : null}
      {preview?.kind === 'features' ? (
        <>
          <p className="admin-legend">
            <span className="swatch" style={{ background: VALID_COLOR }} /> {t('preview.valid', { n: num(preview.valid) })}
            {preview.invalid > 0 ? (
              <>
                {' · '}
                <span className="swatch" style={{ background: INVALID_COLOR }} /> {t('preview.invalid', { n: num(preview.invalid) })}
              </>
            ) : null}
          </p>
          <PreviewMap collection={preview.collection} label={t('preview.title')} />
        </>
      ) : null}
    </section>
  );
}
