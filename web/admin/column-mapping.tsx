// After a dry run: the columns the server used and ignored, and a field → column select for each field of the kind.
import type { ImportKind, ImportReport } from './admin-api';
import { useAdminT } from './admin-i18n';
import { columnsFound, IMPORT_FIELDS } from './import-fields';

interface Props {
  kind: ImportKind;
  report: ImportReport;
  mapping: Readonly<Record<string, string>>;
  onChange: (field: string, column: string) => void;
}

export function ColumnMapping({ kind, report, mapping, onChange }: Props) {
  const { t, lang } = useAdminT();
  const columns = columnsFound(report);
  const used = Object.entries(report.columns.used).filter(([, c]) => c !== '__featureId');
  return (
    <fieldset className="admin-mapping" data-testid="column-mapping">
      <legend>{t('import.mapping')}</legend>
      <p className="small">
        <strong>{t('import.columnsUsed')}:</strong>{' '}
        {used.length === 0
          ? t('import.columnsNone')
          : used.map(([field, column], i) => (
              <span key={field}>
                {i > 0 ? ', ' : ''}
                <code>{column}</code> → {field}
              </span>
            ))}
        <br />
        <strong>{t('import.columnsIgnored')}:</strong>{' '}
        {report.columns.ignored.length === 0
          ? t('import.columnsNone')
          : report.columns.ignored.map((c, i) => (
              <span key={c}>
                {i > 0 ? ', ' : ''}
                <code>{c}</code>
              </span>
            ))}
      </p>
      {columns.length > 0 ? (
        <>
          <p className="muted small">{t('import.mappingIntro')}</p>
          <div className="admin-mapping-grid">
            {IMPORT_FIELDS[kind].map((f) => {
              const auto = report.columns.used[f.field];
              return (
                <label key={f.field} className="admin-field">
                  <span>
                    <code>{f.field}</code> {f.label[lang]}
                    {f.required ? ' *' : ''}
                  </span>
                  <select value={mapping[f.field] ?? ''} onChange={(e) => onChange(f.field, e.target.value)} aria-label={`${f.field} ← ${t('import.mapping')}`}>
                    <option value="">
                      {t('import.mappingAuto')}
                      {auto !== undefined && auto !== '__featureId' ? `: ${auto}` : `: ${t('import.mappingNone')}`}
                    </option>
                    {columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
              );
            })}
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
