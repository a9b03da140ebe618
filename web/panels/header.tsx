// The compact top bar: title, the period and total being shown, the data notice, language switch and sign-in.
import { useT } from '../i18n/use-t';
import { LANGS } from '../i18n/format';
import { currentIndicators } from '../state/selectors';
import { rawanStore, useRawan } from '../store';
import { useCount } from './figures';

export function Header() {
  const { t, date, lang } = useT();
  const count = useCount();
  const data = useRawan(currentIndicators);
  const role = useRawan((s) => s.role);
  const username = useRawan((s) => s.username);
  const session = useRawan((s) => s.session);
  const s = rawanStore().getState();
  return (
    <header className="topbar">
      <a className="skip-link" href="#map">
        {t('app.skip')}
      </a>
      <div className="brand">
        <span className="logo" aria-hidden="true">
          R
        </span>
        <div>
          <h1>{t('app.title')}</h1>
          <p>{t('app.subtitle')}</p>
        </div>
      </div>
      <p className="summary" data-testid="summary" aria-live="polite">
        {data ? (
          <>
            <strong>{t('summary.events', { n: count(data.totals.events) })}</strong>
            <span>{t('summary.period', { from: date(data.period.from), to: date(data.period.to) })}</span>
          </>
        ) : (
          <span className="muted">{t('status.loading')}</span>
        )}
      </p>
      <div className="topbar-actions">
        <div className="lang-switch" role="group" aria-label={t('app.lang')}>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => s.setView({ lang: l })}>
              {l.toUpperCase()}
            </button>
          ))}
        </div>
        {session === 'ready' && username !== null ? (
          <span className="user">
            <span>
              {username} · {role ? t(`auth.role.${role}`) : ''}
            </span>
            <button type="button" className="ghost" onClick={() => void s.signOut()}>
              {t('auth.logout')}
            </button>
          </span>
        ) : session === 'ready' || session === 'login-required' ? (
          <button type="button" className="ghost" onClick={() => s.setLoginOpen(true)}>
            {session === 'ready' ? `${t('auth.viewer')} · ${t('auth.login')}` : t('auth.login')}
          </button>
        ) : null}
      </div>
    </header>
  );
}
