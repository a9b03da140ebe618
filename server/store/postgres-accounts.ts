// Users, sessions and the append-only audit log of the PostgreSQL store (the auth half of the Store interface).
import type pg from 'pg';
import { toSession, toUser } from './postgres-rows.js';
import { toAudit, type Row } from './rows.js';
import type { AuditEntry, AuditQuery, SessionRecord, UserRecord } from './store.js';

export class PostgresAccounts {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, params)).rows;
  }

  async createUser(u: UserRecord): Promise<void> {
    await this.pool.query('INSERT INTO users (id, username, password_hash, role, disabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      u.id,
      u.username,
      u.passwordHash,
      u.role,
      u.disabled,
      u.createdAt,
      u.updatedAt,
    ]);
  }

  async updateUser(id: string, patch: Partial<Pick<UserRecord, 'passwordHash' | 'role' | 'disabled'>>): Promise<void> {
    await this.pool.query(
      `UPDATE users SET password_hash = COALESCE($1, password_hash), role = COALESCE($2, role), disabled = COALESCE($3, disabled), updated_at = $4 WHERE id = $5`,
      [patch.passwordHash ?? null, patch.role ?? null, patch.disabled ?? null, new Date().toISOString(), id],
    );
  }

  async findUser(by: { id: string } | { username: string }): Promise<UserRecord | null> {
    const [r] =
      'id' in by
        ? await this.rows('SELECT * FROM users WHERE id = $1', [by.id])
        : await this.rows('SELECT * FROM users WHERE lower(username) COLLATE "C" = lower($1) COLLATE "C"', [by.username]);
    return r ? toUser(r) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.rows('SELECT * FROM users ORDER BY lower(username) COLLATE "C"')).map(toUser);
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.pool.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked, address) VALUES ($1, $2, $3, $4, $5, $6)', [
      s.tokenHash,
      s.userId,
      s.createdAt,
      s.expiresAt,
      s.revoked,
      s.address,
    ]);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const [r] = await this.rows('SELECT * FROM sessions WHERE token_hash = $1', [tokenHash]);
    return r ? toSession(r) : null;
  }

  async revokeSessions(by: { tokenHash: string } | { userId: string }): Promise<void> {
    if ('tokenHash' in by) await this.pool.query('UPDATE sessions SET revoked = true WHERE token_hash = $1', [by.tokenHash]);
    else await this.pool.query('UPDATE sessions SET revoked = true WHERE user_id = $1', [by.userId]);
  }

  async appendAudit(e: Omit<AuditEntry, 'seq'>): Promise<void> {
    await this.pool.query('INSERT INTO audit_log (at, username, role, action, target, details, address) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      e.at,
      e.username,
      e.role,
      e.action,
      e.target,
      e.details,
      e.address,
    ]);
  }

  async listAudit(q: AuditQuery): Promise<AuditEntry[]> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      clauses.push(sql.replace('?', `$${params.length}`));
    };
    if (q.action !== undefined) add('action = ?', q.action);
    if (q.username !== undefined) add('username = ?', q.username);
    if (q.from !== undefined) add('at >= ?', q.from);
    if (q.to !== undefined) add('at < ?', q.to);
    if (q.before !== undefined) add('seq < ?', q.before);
    params.push(q.limit);
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    return (await this.rows(`SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT $${params.length}`, params)).map(toAudit);
  }
}
