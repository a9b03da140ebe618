// The sign-in dialog (POST /api/auth/login); on success the page reloads so every figure is fetched for the new role.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n/use-t';
import { rawanStore, useRawan } from '../store';

export function LoginDialog() {
  const { t } = useT();
  const open = useRawan((s) => s.loginOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const username = form.get('username');
    const password = form.get('password');
    if (typeof username !== 'string' || typeof password !== 'string') return;
    setBusy(true);
    setError(await rawanStore().getState().signIn(username, password));
    setBusy(false);
  };
  return (
    <dialog ref={ref} className="dialog narrow" aria-labelledby="login-title" onClose={() => rawanStore().getState().setLoginOpen(false)}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="login-title">{t('auth.title')}</h2>
        <label className="field">
          <span>{t('auth.username')}</span>
          <input name="username" autoComplete="username" required />
        </label>
        <label className="field">
          <span>{t('auth.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="ghost" onClick={() => rawanStore().getState().setLoginOpen(false)}>
            {t('auth.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('auth.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
