// Analysts edit a puskesmas's monthly rehab capacity in place (PATCH /api/facilities/:id); the registry reloads after a save.
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/use-t';
import { rawanStore } from '../store';

export function CapacityEditor({ id, capacity }: { id: string; capacity: number | null }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(capacity === null ? '' : String(capacity));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const parsed = text.trim() === '' ? null : Number(text);
  const valid = parsed === null || (Number.isInteger(parsed) && parsed >= 0 && parsed <= 100_000);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    setBusy(true);
    const message = await rawanStore().getState().updateCapacity(id, parsed);
    setBusy(false);
    setError(message);
    if (message === null) setEditing(false);
  };
  if (!editing) {
    return (
      <button
        type="button"
        className="link-button small"
        data-testid="capacity-edit"
        onClick={() => {
          setText(capacity === null ? '' : String(capacity));
          setEditing(true);
        }}
      >
        {t('capacity.edit')}
      </button>
    );
  }
  return (
    <form className="capacity-form" onSubmit={(e) => void submit(e)}>
      <label>
        <span>{t('capacity.label')}</span>
        <input type="number" min={0} max={100000} step={1} value={text} aria-invalid={!valid} onChange={(e) => setText(e.target.value)} autoFocus />
      </label>
      <button type="submit" className="primary" disabled={!valid || busy}>
        {busy ? t('coverage.saving') : t('capacity.save')}
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        {t('auth.cancel')}
      </button>
      {!valid ? <p className="error-text">{t('capacity.invalid')}</p> : null}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
