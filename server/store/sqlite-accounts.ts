// Users, sessions and the audit log of the SQLite store, in a database file of their own beside the data file
// (`rawan.db` → `rawan-accounts.db`): SQLite has one writer per file, so a login, a session revoked or an audited read
// never waits for an import or a roll-back holding the data file's write lock for many seconds.
import Database from 'better-sqlite3';
import { ACCOUNT_TABLES_SQL, type Migration } from './sqlite-migrations.js';
import { str, strOrNull, toAudit, type Row } from './rows.js';
import type { AuditEntry, AuditQuery, Role, SessionRecord, UserRecord } from './store.js';

const bool = (v: unknown): boolean => Number(v) === 1;
const flag = (b: boolean): number => (b ? 1 : 0);

/** The accounts file beside a data file; an in-memory store keeps its accounts in memory too. */
export function accountsPathOf(dataPath: string): string {
  if (dataPath === ':memory:') return ':memory:';
  return dataPath.endsWith('.db') ? `${dataPath.slice(0, -3)}-accounts.db` : `${dataPath}-accounts`;
}

/** The tables as the data file's migration 2 made them (moved here by its migration 12). */
const ACCOUNT_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users, sessions, audit log',
    sql: ACCOUNT_TABLES_SQL,
  },
];

export class SqliteAccounts {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  private prepared(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (stmt === undefined) {
      if (this.statements.size >= 200) this.statements.clear();
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(this.db.prepare('SELECT version FROM schema_migrations').all().map((r) => Number((r as Row).version)));
    for (const m of ACCOUNT_MIGRATIONS) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  /**
   * Copies the users, sessions and audit entries a data file from before migration 12 holds (idempotent: run again
   * after a crash it adds nothing twice); the data file drops its copies only after this has committed.
   */
  copyFrom(dataPath: string): void {
    this.db.prepare('ATTACH DATABASE ? AS old').run(dataPath);
    try {
      this.db.transaction(() => {
        this.db.exec(`INSERT OR IGNORE INTO users (id, username, password_hash, role, disabled, created_at, updated_at)
          SELECT id, username, password_hash, role, disabled, created_at, updated_at FROM old.users`);
        this.db.exec(`INSERT OR IGNORE INTO sessions (token_hash, user_id, created_at, expires_at, revoked, address)
          SELECT token_hash, user_id, created_at, expires_at, revoked, address FROM old.sessions`);
        this.db.exec(`INSERT OR IGNORE INTO audit_log (seq, at, username, role, action, target, details, address)
          SELECT seq, at, username, role, action, target, details, address FROM old.audit_log`);
      })();
    } finally {
      this.db.exec('DETACH DATABASE old');
    }
  }

  close(): void {
    this.db.close();
  }

  async createUser(u: UserRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO users (id, username, password_hash, role, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(u.id, u.username, u.passwordHash, u.role, flag(u.disabled), u.createdAt, u.updatedAt);
  }

  async updateUser(id: string, patch: Partial<Pick<UserRecord, 'passwordHash' | 'role' | 'disabled'>>): Promise<void> {
    const cur = await this.findUser({ id });
    if (!cur) return;
    this.db
      .prepare('UPDATE users SET password_hash = ?, role = ?, disabled = ?, updated_at = ? WHERE id = ?')
      .run(patch.passwordHash ?? cur.passwordHash, patch.role ?? cur.role, flag(patch.disabled ?? cur.disabled), new Date().toISOString(), id);
  }

  private toUser(r: Row): UserRecord {
    return {
      id: str(r.id),
      username: str(r.username),
      passwordHash: str(r.password_hash),
      role: str(r.role) as Role,
      disabled: bool(r.disabled),
      createdAt: str(r.created_at),
      updatedAt: str(r.updated_at),
    };
  }

  async findUser(by: { id: string } | { username: string }): Promise<UserRecord | null> {
    const r = ('id' in by
      ? this.prepared('SELECT * FROM users WHERE id = ?').get(by.id)
      : this.prepared('SELECT * FROM users WHERE username = ?').get(by.username)) as Row | undefined;
    return r ? this.toUser(r) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.prepared('SELECT * FROM users ORDER BY username').all() as Row[]).map((r) => this.toUser(r));
  }

  async createSession(s: SessionRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked, address) VALUES (?, ?, ?, ?, ?, ?)')
      .run(s.tokenHash, s.userId, s.createdAt, s.expiresAt, flag(s.revoked), s.address);
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const r = this.prepared('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as Row | undefined;
    if (!r) return null;
    return { tokenHash: str(r.token_hash), userId: str(r.user_id), createdAt: str(r.created_at), expiresAt: str(r.expires_at), revoked: bool(r.revoked), address: strOrNull(r.address) };
  }

  async revokeSessions(by: { tokenHash: string } | { userId: string }): Promise<void> {
    if ('tokenHash' in by) this.prepared('UPDATE sessions SET revoked = 1 WHERE token_hash = ?').run(by.tokenHash);
    else this.prepared('UPDATE sessions SET revoked = 1 WHERE user_id = ?').run(by.userId);
  }

  async appendAudit(e: Omit<AuditEntry, 'seq'>): Promise<void> {
    this.db
      .prepare('INSERT INTO audit_log (at, username, role, action, target, details, address) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(e.at, e.username, e.role, e.action, e.target, e.details, e.address);
  }

  async listAudit(q: AuditQuery): Promise<AuditEntry[]> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (q.action !== undefined) {
      clauses.push('action = ?');
      params.push(q.action);
    }
    if (q.username !== undefined) {
      clauses.push('username = ?');
      params.push(q.username);
    }
    if (q.from !== undefined) {
      clauses.push('at >= ?');
      params.push(q.from);
    }
    if (q.to !== undefined) {
      clauses.push('at < ?');
      params.push(q.to);
    }
    if (q.before !== undefined) {
      clauses.push('seq < ?');
      params.push(q.before);
    }
    params.push(q.limit);
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = this.prepared(`SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT ?`).all(...params) as Row[];
    return rows.map(toAudit);
  }
}
