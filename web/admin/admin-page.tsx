// The admin page at /admin (its own React tree, loaded on demand): sign-in gate, then the import, users and audit-log tabs.
import { StrictMode, useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import type { Lang } from '../i18n/format';
import { AdminApiError, fetchSession, login, logout, type Session } from './admin-api';
import { adminI18n, AdminI18nContext, langFromSearch, useAdminT } from './admin-i18n';
import { AuditTab } from './audit-tab';
import { ImportTab } from './import-tab';
import { UsersTab } from './users-tab';
import './admin.css';

const TABS = ['import', 'users', 'audit'] as const;
type Tab = (typeof TABS)[number];

const tabFromHash = (hash: string): Tab => TABS.find((t) => `#${t}` === hash) ?? 'import';

function LoginForm({ onDone }: { onDone: () => void }) {
  const { t } = useAdminT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await login(String(data.get('username') ?? ''), String(data.get('password') ?? ''));
      onDone();
    } catch (err) {
      setError(t('login.failed', { message: err instanceof AdminApiError ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="admin-card admin-login" onSubmit={(e) => void submit(e)} aria-labelledby="login-title" data-testid="admin-login">
      <h2 id="login-title">{t('login.title')}</h2>
      <p className="muted">{t('login.intro')}</p>
      <label className="admin-field">
        <span>{t('login.username')}</span>
        <input name="username" autoComplete="username" required />
      </label>
      <label className="admin-field">
        <span>{t('login.password')}</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error ? (
        <p className="admin-banner bad" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}

function AdminPage() {
  const [lang, setLang] = useState<Lang>(() => langFromSearch(window.location.search));
  const i18n = useMemo(() => adminI18n(lang), [lang]);
  const { t } = i18n;
  const [session, setSession] = useState<Session | null | 'loading'>('loading');
  const [tab, setTab] = useState<Tab>(() => tabFromHash(window.location.hash));

  const refresh = useCallback(async () => {
    try {
      setSession(await fetchSession());
    } catch {
      setSession(null);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('title');
    const url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    window.history.replaceState(null, '', url);
  }, [lang, t]);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const choose = (next: Tab) => {
    setTab(next);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${next}`);
  };
  const signOut = async () => {
    await logout().catch(() => undefined);
    await refresh();
  };
  const user = session === 'loading' ? null : (session?.user ?? null);
  const isAdmin = user?.role === 'admin';

  return (
    <AdminI18nContext.Provider value={i18n}>
      <div className="admin-page">
        <header className="admin-header">
          <div>
            <h1>{t('title')}</h1>
            <p className="muted small">{t('subtitle')}</p>
          </div>
          <nav className="admin-header-right" aria-label={t('title')}>
            <a href={`/?lang=${lang}`} data-testid="back-to-dashboard">
              {t('back')}
            </a>
            <label className="admin-lang">
              <span className="visually-hidden">{t('lang')}</span>
              <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'id')} aria-label={t('lang')}>
                <option value="id">Bahasa Indonesia</option>
                <option value="en">English</option>
              </select>
            </label>
            {user ? (
              <>
                <span className="small" data-testid="signed-in">
                  {t('signedInAs', { user: user.username ?? '', role: user.role })}
                </span>
                <button type="button" className="ghost" onClick={() => void signOut()}>
                  {t('logout')}
                </button>
              </>
            ) : null}
          </nav>
        </header>
        <main className="admin-main">
          {session === 'loading' ? <p className="muted">{t('loading')}</p> : null}
          {session !== 'loading' && !user ? <LoginForm onDone={() => void refresh()} /> : null}
          {user && !isAdmin ? (
            <div className="admin-card admin-login">
              <p className="admin-banner bad" role="alert" data-testid="not-admin">
                {t('login.notAdmin', { user: user.username ?? '', role: t(`role.${user.role}`) })}
              </p>
              <button type="button" className="primary" onClick={() => void signOut()}>
                {t('logout')}
              </button>
            </div>
          ) : null}
          {isAdmin ? (
            <>
              <div className="admin-tabs" role="tablist" aria-label={t('tabs.label')}>
                {TABS.map((k) => (
                  <button
                    key={k}
                    type="button"
                    role="tab"
                    id={`tab-${k}`}
                    aria-selected={tab === k}
                    aria-controls={`panel-${k}`}
                    className={tab === k ? 'active' : ''}
                    onClick={() => choose(k)}
                  >
                    {t(`tabs.${k}`)}
                  </button>
                ))}
              </div>
              {/* Tabs stay mounted while hidden so a running upload or a filled form survives switching. */}
              {TABS.map((k) => (
                <div key={k} role="tabpanel" id={`panel-${k}`} aria-labelledby={`tab-${k}`} hidden={tab !== k}>
                  {k === 'import' ? <ImportTab /> : k === 'users' ? <UsersTab myId={user.id} /> : tab === 'audit' ? <AuditTab /> : null}
                </div>
              ))}
            </>
          ) : null}
        </main>
      </div>
    </AdminI18nContext.Provider>
  );
}

/** Renders the admin page into the given element; main.tsx calls this for /admin instead of starting the dashboard. */
export function mountAdmin(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <AdminPage />
    </StrictMode>,
  );
}
