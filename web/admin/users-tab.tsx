// Users tab: the accounts with role, status and dates; create one, change a role, disable or enable, reset a password.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { AdminApiError, changeUser, createUser, listUsers, ROLES, type AdminUser, type Role } from './admin-api';
import { useAdminT } from './admin-i18n';

type Notice = { tone: 'good' | 'bad'; text: string; details?: readonly { path: string; message: string }[] } | null;

const asRole = (v: string): Role | undefined => ROLES.find((r) => r === v);

export function UsersTab({ myId }: { myId: string | null }) {
  const { t, dateTime } = useAdminT();
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [resetFor, setResetFor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = useCallback(
    (e: unknown) => {
      const err = e instanceof AdminApiError ? e : null;
      setNotice({ tone: 'bad', text: t('users.error', { message: err?.message ?? String(e) }), details: err?.details });
    },
    [t],
  );

  const reload = useCallback(async () => {
    try {
      setUsers(await listUsers());
    } catch (e) {
      fail(e);
    }
  }, [fail]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const change = async (u: AdminUser, patch: { role?: Role; disabled?: boolean; password?: string }) => {
    setBusy(true);
    try {
      await changeUser(u.id, patch);
      setNotice({ tone: 'good', text: t('users.changed.ok', { user: u.username }) });
      setResetFor(null);
      await reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const create = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const username = String(data.get('username') ?? '');
    const password = String(data.get('password') ?? '');
    const role = asRole(String(data.get('role') ?? '')) ?? 'viewer';
    setBusy(true);
    try {
      const user = await createUser({ username, password, role });
      setNotice({ tone: 'good', text: t('users.created.ok', { user: user.username }) });
      form.reset();
      await reload();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const resetPassword = (u: AdminUser) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get('password') ?? '');
    void change(u, { password });
  };

  return (
    <div className="admin-users">
      <section className="admin-card" aria-labelledby="create-title">
        <h2 id="create-title">{t('users.create')}</h2>
        <form className="admin-inline-form" onSubmit={(e) => void create(e)} data-testid="create-user">
          <label className="admin-field">
            <span>{t('users.username')}</span>
            <input name="username" autoComplete="off" required />
          </label>
          <label className="admin-field">
            <span>{t('users.password')}</span>
            <input name="password" type="password" autoComplete="new-password" required />
          </label>
          <label className="admin-field">
            <span>{t('users.role')}</span>
            <select name="role" defaultValue="viewer">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {t('users.create')}
          </button>
        </form>
      </section>
      {notice ? (
        <div className={`admin-banner ${notice.tone}`} role={notice.tone === 'bad' ? 'alert' : 'status'} data-testid="users-notice">
          {notice.text}
          {notice.details && notice.details.length > 0 ? (
            <ul>
              {notice.details.map((d) => (
                <li key={`${d.path}:${d.message}`}>
                  {d.path ? <code>{d.path}</code> : null} {d.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <section className="admin-card" aria-labelledby="users-title">
        <h2 id="users-title">{t('users.title')}</h2>
        {users === null ? <p className="muted">{t('loading')}</p> : null}
        {users?.length === 0 ? <p className="muted">{t('users.empty')}</p> : null}
        {users && users.length > 0 ? (
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('users.username')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.status')}</th>
                  <th scope="col">{t('users.created')}</th>
                  <th scope="col">{t('users.updated')}</th>
                  <th scope="col">{t('users.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => {
                  const me = u.id === myId;
                  return (
                    <tr key={u.id} className={u.disabled ? 'disabled' : ''} data-username={u.username}>
                      <td>
                        <strong>{u.username}</strong> {me ? <span className="muted">{t('users.you')}</span> : null}
                      </td>
                      <td>
                        <select
                          value={u.role}
                          disabled={busy || me}
                          aria-label={`${t('users.role')}: ${u.username}`}
                          onChange={(e) => {
                            const role = asRole(e.target.value);
                            if (role) void change(u, { role });
                          }}
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(`role.${r}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <span className={`admin-pill ${u.disabled ? 'off' : 'on'}`}>{u.disabled ? t('users.disabled') : t('users.active')}</span>
                      </td>
                      <td className="nowrap">{dateTime(u.createdAt)}</td>
                      <td className="nowrap">{dateTime(u.updatedAt)}</td>
                      <td>
                        {resetFor === u.id ? (
                          <form className="admin-row-form" onSubmit={resetPassword(u)}>
                            <input
                              name="password"
                              type="password"
                              autoComplete="new-password"
                              required
                              aria-label={t('users.newPassword')}
                              placeholder={t('users.newPassword')}
                            />
                            <button type="submit" className="primary" disabled={busy}>
                              {t('users.save')}
                            </button>
                            <button type="button" className="ghost" onClick={() => setResetFor(null)}>
                              {t('users.cancel')}
                            </button>
                          </form>
                        ) : (
                          <div className="admin-row-form">
                            <button type="button" disabled={busy || me} onClick={() => void change(u, { disabled: !u.disabled })}>
                              {u.disabled ? t('users.enable') : t('users.disable')}
                            </button>
                            <button type="button" disabled={busy} onClick={() => setResetFor(u.id)}>
                              {t('users.resetPassword')}
                            </button>
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
