// The embedded default Store on better-sqlite3: WAL journal, versioned migrations, every write batch in one transaction.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AreaLevel, CaseEvent, EventFilter, EventType, Facility, FocusArea } from '../domain/types.js';
import { latLngToCell } from 'h3-js';
import { sqliteMigrations, STORED_H3_RESOLUTIONS } from './sqlite-migrations.js';
import { cellDim, toGroupCounts, toMonthCounts } from './event-tallies.js';
import { SqliteTallies } from './sqlite-tallies.js';
import { checkpointInBackground } from './sqlite-checkpoint.js';
import { writeSqliteEvents } from './sqlite-event-writes.js';
import { toEventColumns } from './event-columns.js';
import { inSqliteStream } from './sqlite-write-stream.js';
import { PLAN_SUMMARY_COLUMNS, str, strOrNull, toPlan, toPlanSummary, type Row } from './rows.js';
import { SqliteFocusAreas } from './sqlite-focus-areas.js';
import { sqliteBoxLookup } from './sqlite-box.js';
import { SqliteImports } from './sqlite-imports.js';
import { accountsPathOf, SqliteAccounts } from './sqlite-accounts.js';
import type { ImportRecord, PlacerFactory, RollbackResult } from './import-records.js';
import type { FocusAreaEdit, FocusAreaEditResult, FocusAreaHistoryEntry, FocusAreaRecord } from './focus-area-store.js';
import type { AreaRecord, AuditEntry, CellCount, FacilityPatch, PlanRecord, AuditQuery, EventQuery, GroupCount, MonthCount, Role, SessionRecord, Store, StoreCounts, StoreWrite, UserRecord } from './store.js';

const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const bool = (v: unknown): boolean => Number(v) === 1;
const flag = (b: boolean): number => (b ? 1 : 0);

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly tallies: SqliteTallies;
  private readonly focusAreas: SqliteFocusAreas;
  private readonly imports: SqliteImports;
  /** Opened on first use: the store's second connection for a streamed import never needs it. */
  private accountsDb: SqliteAccounts | null = null;
  /**
   * Set while writeStream holds the write lock (an import streaming over many turns of the event loop): this
   * process's other writes wait for it here, without blocking, instead of in SQLite's busy timeout, which would
   * stall the whole server and then fail.
   */
  private streaming: Promise<void> | null = null;
  /** The background checkpoint after a streamed write, while it runs. */
  private checkpoint: Promise<void> | null = null;
  /** Prepared statements by SQL text: preparing costs more than running the small reads every request makes. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // 64 MB of page cache (the default is 2 MB): tally upserts and index inserts at millions of events stay in memory.
    this.db.pragma('cache_size = -65536');
    this.tallies = new SqliteTallies(this.db);
    this.focusAreas = new SqliteFocusAreas(this.db, this.tallies);
    this.imports = new SqliteImports(this.db, this.tallies);
  }

  /** The statement for `sql`, prepared once; texts built with values in them would fill the map, so it is capped. */
  private prepared(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (stmt === undefined) {
      if (this.statements.size >= 500) this.statements.clear();
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private get accounts(): SqliteAccounts {
    this.accountsDb ??= new SqliteAccounts(accountsPathOf(this.path));
    return this.accountsDb;
  }

  async migrate(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(this.db.prepare('SELECT version FROM schema_migrations').all().map((r) => Number((r as Row).version)));
    this.accounts.migrate();
    for (const m of sqliteMigrations) {
      if (applied.has(m.version)) continue;
      // Accounts written before migration 12 are copied to their file (committed there) before this file drops them.
      if (m.version === 12 && this.path !== ':memory:' && this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'users'").get()) {
        this.accounts.copyFrom(this.path);
      }
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
        if (m.version === 4) this.backfillCells();
        if (m.version === 6) this.tallies.backfill();
      })();
    }
  }

  /** Fills the per-resolution cells of events stored before they existed. */
  private backfillCells(): void {
    const rows = this.db.prepare('SELECT id, lng, lat FROM events WHERE lng IS NOT NULL AND h3_9 IS NULL').all() as Row[];
    const stmt = this.db.prepare('UPDATE events SET h3_7 = ?, h3_8 = ?, h3_9 = ? WHERE id = ?');
    for (const r of rows) {
      const [lat, lng] = [Number(r.lat), Number(r.lng)];
      stmt.run(latLngToCell(lat, lng, 7), latLngToCell(lat, lng, 8), latLngToCell(lat, lng, 9), r.id);
    }
  }

  async close(): Promise<void> {
    await this.checkpointed();
    this.accountsDb?.close();
    this.db.close();
  }

  /** Resolves once the background checkpoint after a streamed write (if one runs) has copied the WAL into the file. */
  async checkpointed(): Promise<void> {
    while (this.checkpoint) await this.checkpoint;
  }

  /** Resolves once no streamed import of this store holds the write lock. */
  private async writeTurn(): Promise<void> {
    while (this.streaming) await this.streaming;
  }

  async write(batch: readonly StoreWrite[]): Promise<void> {
    await this.writeTurn();
    // IMMEDIATE: take the write lock before reading the rows whose tallies the batch changes.
    try {
      this.db
        .transaction(() => {
          for (const w of batch) this.applyOne(w);
          this.tallies.flush();
          this.bumpVersion();
        })
        .immediate();
    } catch (e) {
      this.tallies.discard();
      throw e;
    }
  }

  async writeStream(batches: AsyncIterable<readonly StoreWrite[]>): Promise<void> {
    await this.streamed(async (conn) => {
      for await (const batch of batches) for (const w of batch) conn.applyOne(w);
    });
  }

  /**
   * Runs `work` as one transaction on a connection of its own, so the server's reads go on and see the store as
   * before (an in-memory database has one), while this process's other writes wait their turn (writeTurn).
   */
  private async streamed<T>(work: (conn: SqliteStore) => Promise<T>): Promise<T> {
    await this.writeTurn();
    let done = () => {};
    this.streaming = new Promise((resolve) => {
      done = resolve;
    });
    const conn = this.path === ':memory:' ? this : new SqliteStore(this.path);
    // Not inside this COMMIT: a thread of its own checkpoints once it is done (below).
    if (conn !== this) conn.db.pragma('wal_autocheckpoint = 0');
    try {
      return await inSqliteStream(conn.db, () => work(conn), {
        finish: () => {
          conn.tallies.flush();
          conn.bumpVersion();
        },
        discard: () => conn.tallies.discard(),
      });
    } finally {
      if (conn !== this) {
        await conn.close();
        // After any still running: that one may have started before this transaction's pages were in the WAL.
        const next: Promise<void> = (this.checkpoint ?? Promise.resolve())
          .then(() => checkpointInBackground(this.path))
          .then(() => {
            if (this.checkpoint === next) this.checkpoint = null;
          });
        this.checkpoint = next;
      }
      this.streaming = null;
      done();
    }
  }

  private applyOne(w: StoreWrite): void {
    const now = new Date().toISOString();
    switch (w.kind) {
      case 'areas': {
        const importId = w.importId ?? null;
        const stmt = this.prepared(`INSERT INTO areas (code, name, level, parent_code, geometry, source, approximate, updated_at, import_id)
          VALUES (@code, @name, @level, @parentCode, @geometry, @source, @approximate, @now, @importId)
          ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
            geometry = excluded.geometry, source = excluded.source, approximate = excluded.approximate, updated_at = excluded.updated_at,
            import_id = excluded.import_id`);
        for (const a of w.areas) {
          if (importId !== null) this.keepPrior(importId, 'areas', a.code, 'SELECT * FROM areas WHERE code = ?', 'import_id');
          stmt.run({ ...a, geometry: JSON.stringify(a.geometry), approximate: flag(a.approximate), now, importId });
        }
        return;
      }
      case 'population': {
        const importId = w.importId ?? null;
        if (importId !== null) {
          const set = this.prepared(`SELECT code, population, population_year, population_source, population_approximate, population_import_id
            FROM areas WHERE population IS NOT NULL`).all() as Row[];
          for (const r of set) if (r.population_import_id !== importId) this.imports.keep(importId, 'population', str(r.code), r.population_import_id, r);
        }
        this.prepared(`UPDATE areas SET population = NULL, population_year = NULL, population_source = NULL, population_approximate = NULL,
          population_import_id = NULL`).run();
        const stmt = this.prepared(`UPDATE areas SET population = ?, population_year = ?, population_source = ?, population_approximate = ?,
          population_import_id = ? WHERE code = ?`);
        for (const p of w.rows) stmt.run(p.population, p.year, p.source, flag(p.approximate), importId, p.code);
        return;
      }
      case 'facilities': {
        const importId = w.importId ?? null;
        if (w.replaceSynthetic) {
          if (importId !== null) {
            for (const r of this.prepared('SELECT * FROM facilities WHERE synthetic = 1').all() as Row[]) this.imports.keep(importId, 'facilities', str(r.id), r.import_id, r);
          }
          this.prepared('DELETE FROM facilities WHERE synthetic = 1').run();
        }
        const stmt = this.prepared(`INSERT INTO facilities (id, name, level, area_code, lng, lat, rehab, capacity_per_month, built_year, source, approximate, synthetic, import_id)
          VALUES (@id, @name, @level, @areaCode, @lng, @lat, @rehab, @capacityPerMonth, @builtYear, @source, @approximate, @synthetic, @importId)
          ON CONFLICT (id) DO UPDATE SET name = excluded.name, level = excluded.level, area_code = excluded.area_code, lng = excluded.lng,
            lat = excluded.lat, rehab = excluded.rehab, capacity_per_month = excluded.capacity_per_month, built_year = excluded.built_year,
            source = excluded.source, approximate = excluded.approximate, synthetic = excluded.synthetic, import_id = excluded.import_id`);
        for (const f of w.facilities) {
          if (importId !== null) this.keepPrior(importId, 'facilities', f.id, 'SELECT * FROM facilities WHERE id = ?', 'import_id');
          stmt.run({
            ...f,
            lng: f.location[0],
            lat: f.location[1],
            rehab: flag(f.rehab),
            approximate: flag(f.approximate),
            synthetic: flag(f.synthetic),
            importId,
          });
        }
        return;
      }
      case 'focusAreas': {
        const stmt = this.prepared(`INSERT INTO focus_areas (id, name, aliases, kelurahan_code, geometry, notes, source, approximate, updated_at)
          VALUES (@id, @name, @aliases, @kelurahanCode, @geometry, @notes, @source, @approximate, @now)
          ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, kelurahan_code = excluded.kelurahan_code,
            geometry = excluded.geometry, notes = excluded.notes, source = excluded.source, approximate = excluded.approximate, updated_at = excluded.updated_at`);
        for (const f of w.focusAreas) {
          stmt.run({ ...f, aliases: JSON.stringify(f.aliases), geometry: JSON.stringify(f.geometry), approximate: flag(f.approximate), now });
        }
        return;
      }
      case 'events':
      case 'eventColumns':
        return writeSqliteEvents(this.db, this.tallies, w.kind === 'events' ? toEventColumns(w.events) : w.columns, {
          preTallied: w.preTallied,
          importId: w.importId,
          keep: (table, key, prior) => this.imports.keep(w.importId as string, table, key, prior.import_id, prior),
        });
      case 'importRecord':
        return this.imports.record(w.record);
      case 'tallies':
        return this.tallies.write(w.tallies);
      case 'eventAreas': {
        const stmt = this.prepared('UPDATE events SET area_code = ?, focus_area_id = ? WHERE id = ?');
        for (const u of w.updates) {
          const old = this.tallies.stored(u.id);
          if (!old) continue;
          stmt.run(u.areaCode, u.focusAreaId, u.id);
          this.tallies.add(old, -1, ['area', 'focus']);
          this.tallies.add({ ...old, areaCode: u.areaCode, focusAreaId: u.focusAreaId }, 1, ['area', 'focus']);
        }
        return;
      }
      case 'meta': {
        this.prepared('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(w.key, w.value);
        return;
      }
    }
  }

  /** Keeps the stored row of `key` (if any, and not already the import's own) before the import replaces it. */
  private keepPrior(importId: string, table: 'areas' | 'facilities', key: string, select: string, importColumn: string): void {
    const prior = this.prepared(select).get(key) as Row | undefined;
    if (prior && prior[importColumn] !== importId) this.imports.keep(importId, table, key, prior[importColumn], prior);
  }

  async listImports(limit: number): Promise<ImportRecord[]> {
    return this.imports.list(limit);
  }

  async getImport(id: string): Promise<ImportRecord | null> {
    return this.imports.get(id);
  }

  /** As writeStream (streamed): a page of rows per turn of the event loop, so the server goes on answering while a
   * million-event import is undone. */
  async rollbackImport(id: string, by: string | null, place: PlacerFactory): Promise<RollbackResult> {
    return this.streamed(async (conn) => {
      const steps = conn.imports.rollback(id, by, place);
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) return step.value;
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
  }

  async counts(): Promise<StoreCounts> {
    const one = (sql: string): number => Number((this.prepared(sql).get() as Row).n);
    const totals = this.tallies.eventTotals();
    return {
      areas: one('SELECT COUNT(*) AS n FROM areas'),
      focusAreas: one('SELECT COUNT(*) AS n FROM focus_areas'),
      facilities: one('SELECT COUNT(*) AS n FROM facilities'),
      // From the tallies: a COUNT(*) over millions of events takes a second.
      events: totals.events,
      syntheticEvents: totals.synthetic,
    };
  }

  async listAreas(level: AreaLevel): Promise<AreaRecord[]> {
    const rows = this.prepared('SELECT * FROM areas WHERE level = ? ORDER BY code').all(level) as Row[];
    return rows.map((r) => ({
      code: str(r.code),
      name: str(r.name),
      level: str(r.level) as AreaLevel,
      parentCode: strOrNull(r.parent_code),
      geometry: JSON.parse(str(r.geometry)),
      source: str(r.source),
      approximate: bool(r.approximate),
      population: numOrNull(r.population),
      populationYear: numOrNull(r.population_year),
      populationSource: strOrNull(r.population_source),
      populationApproximate: r.population_approximate === null ? null : bool(r.population_approximate),
    }));
  }

  async listFocusAreas(): Promise<FocusArea[]> {
    const rows = this.prepared('SELECT * FROM focus_areas ORDER BY id').all() as Row[];
    return rows.map((r) => ({
      id: str(r.id),
      name: str(r.name),
      aliases: JSON.parse(str(r.aliases)),
      kelurahanCode: str(r.kelurahan_code),
      geometry: JSON.parse(str(r.geometry)),
      notes: str(r.notes),
      source: str(r.source),
      approximate: bool(r.approximate),
    }));
  }

  // Focus-area editing lives in sqlite-focus-areas.ts.
  getFocusArea = (id: string): Promise<FocusAreaRecord | null> => this.focusAreas.getFocusArea(id);
  editFocusArea = async (edit: FocusAreaEdit): Promise<FocusAreaEditResult> => {
    await this.writeTurn();
    return this.focusAreas.editFocusArea(edit);
  };
  listFocusAreaHistory = (id: string): Promise<FocusAreaHistoryEntry[]> => this.focusAreas.listFocusAreaHistory(id);
  focusAreaIdTaken = (id: string): Promise<boolean> => this.focusAreas.focusAreaIdTaken(id);

  async listFacilities(): Promise<Facility[]> {
    const rows = this.prepared('SELECT * FROM facilities ORDER BY id').all() as Row[];
    return rows.map((r) => ({
      id: str(r.id),
      name: str(r.name),
      level: str(r.level) as Facility['level'],
      areaCode: strOrNull(r.area_code),
      location: [Number(r.lng), Number(r.lat)],
      rehab: bool(r.rehab),
      capacityPerMonth: numOrNull(r.capacity_per_month),
      builtYear: numOrNull(r.built_year),
      source: str(r.source),
      approximate: bool(r.approximate),
      synthetic: bool(r.synthetic),
    }));
  }

  async countEvents(filter: EventFilter, by: 'area' | 'focus'): Promise<GroupCount[]> {
    return toGroupCounts(this.tallies.sum({ dim: by, from: filter.from, to: filter.to }), filter.types);
  }

  async countEventsByMonth(filter: EventFilter, where: { areaCodes?: readonly string[]; focusAreaId?: string }): Promise<MonthCount[]> {
    if (where.areaCodes && where.focusAreaId !== undefined) return this.countEventsByMonthRaw(filter, where);
    if (where.areaCodes?.length === 0) return [];
    const { from, to } = filter;
    const rows =
      where.focusAreaId !== undefined
        ? this.tallies.sum({ dim: 'focus', from, to, keys: [where.focusAreaId], byMonth: true })
        : this.tallies.sum({ dim: 'area', from, to, keys: where.areaCodes, byMonth: true });
    return toMonthCounts(rows, filter.types);
  }

  /** Straight from the events, for the one combination (kelurahan codes and a focus area) no tally is keyed by. */
  private countEventsByMonthRaw(filter: EventFilter, where: { areaCodes?: readonly string[]; focusAreaId?: string }): MonthCount[] {
    const clauses = ['date >= ?', 'date <= ?', `type IN (${placeholders(filter.types.length)})`];
    const params: unknown[] = [filter.from, filter.to, ...filter.types];
    if (where.areaCodes) {
      clauses.push(`area_code IN (${placeholders(where.areaCodes.length)})`);
      params.push(...where.areaCodes);
    }
    if (where.focusAreaId !== undefined) {
      clauses.push('focus_area_id = ?');
      params.push(where.focusAreaId);
    }
    const rows = this.db
      .prepare(`SELECT substr(date, 1, 7) AS month, type, SUM(count) AS n FROM events WHERE ${clauses.join(' AND ')} GROUP BY month, type ORDER BY month, type`)
      .all(...params) as Row[];
    return rows.map((r) => ({ month: str(r.month), type: str(r.type) as EventType, count: Number(r.n) }));
  }

  async countEventsByCell(filter: EventFilter, resolution: number): Promise<CellCount[]> {
    const known: readonly number[] = STORED_H3_RESOLUTIONS;
    const dim = cellDim(resolution);
    if (!known.includes(resolution) || dim === null) throw new Error(`cells are stored at resolutions ${STORED_H3_RESOLUTIONS.join(', ')}, not ${resolution}`);
    const rows = this.tallies.sum({ dim, from: filter.from, to: filter.to, together: filter.types });
    return rows.filter((r) => Number(r.n) > 0).map((r) => ({ h3: String(r.key), count: Number(r.s) }));
  }

  async dataVersion(): Promise<number> {
    return Number((await this.getMeta('data_version')) ?? 0);
  }

  async eventDateRange(): Promise<{ min: string; max: string } | null> {
    const r = this.prepared('SELECT MIN(date) AS min, MAX(date) AS max FROM events').get() as Row;
    return r.min === null ? null : { min: str(r.min), max: str(r.max) };
  }

  async listEvents(q: EventQuery): Promise<CaseEvent[]> {
    // A box is read through the cells covering it, by date, instead of every event of the period.
    const box = q.bbox ? sqliteBoxLookup(q.bbox) : { from: 'events', where: [], params: [] };
    const clauses = [...box.where, 'date >= ?', 'date <= ?', `type IN (${placeholders(q.types.length)})`];
    const params: unknown[] = [...box.params, q.from, q.to, ...q.types, q.limit];
    const rows = this.prepared(`SELECT * FROM ${box.from} WHERE ${clauses.join(' AND ')} ORDER BY date, id LIMIT ?`).all(...params) as Row[];
    return rows.map((r) => ({
      id: str(r.id),
      type: str(r.type) as EventType,
      date: str(r.date),
      location: r.lng === null ? null : [Number(r.lng), Number(r.lat)],
      areaCode: strOrNull(r.area_code),
      focusAreaId: strOrNull(r.focus_area_id),
      h3: strOrNull(r.h3),
      count: Number(r.count),
      source: str(r.source),
      synthetic: bool(r.synthetic),
    }));
  }

  async listEventLocations() {
    const rows = this.prepared('SELECT id, lng, lat FROM events WHERE lng IS NOT NULL').all() as Row[];
    return rows.map((r) => ({ id: str(r.id), location: [Number(r.lng), Number(r.lat)] as [number, number] }));
  }

  async getMeta(key: string): Promise<string | null> {
    const r = this.prepared('SELECT value FROM meta WHERE key = ?').get(key) as Row | undefined;
    return r ? str(r.value) : null;
  }

  async updateFacility(id: string, patch: FacilityPatch): Promise<boolean> {
    await this.writeTurn();
    const tx = this.db.transaction(() => {
      const cur = this.prepared('SELECT capacity_per_month, rehab FROM facilities WHERE id = ?').get(id) as Row | undefined;
      if (!cur) return false;
      const capacity = patch.capacityPerMonth === undefined ? cur.capacity_per_month : patch.capacityPerMonth;
      const rehab = patch.rehab === undefined ? cur.rehab : flag(patch.rehab);
      this.prepared('UPDATE facilities SET capacity_per_month = ?, rehab = ? WHERE id = ?').run(capacity, rehab, id);
      this.bumpVersion();
      return true;
    });
    return tx();
  }

  private bumpVersion(): void {
    this.prepared("INSERT INTO meta (key, value) VALUES ('data_version', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1").run();
  }

  async savePlan(plan: Omit<PlanRecord, 'version'>): Promise<PlanRecord> {
    await this.writeTurn();
    return this.db.transaction(() => {
      const last = this.prepared('SELECT MAX(version) AS v FROM coverage_plans WHERE name = ?').get(plan.name) as Row;
      const version = (last.v === null ? 0 : Number(last.v)) + 1;
      this.db
        .prepare('INSERT INTO coverage_plans (id, name, version, params, result, summary, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(plan.id, plan.name, version, plan.params, plan.result, plan.summary, plan.createdBy, plan.createdAt);
      return { ...plan, version };
    })();
  }

  async listPlans(): Promise<Array<Omit<PlanRecord, 'params' | 'result'>>> {
    const rows = this.prepared(`SELECT ${PLAN_SUMMARY_COLUMNS} FROM coverage_plans ORDER BY created_at DESC, name, version DESC`).all() as Row[];
    return rows.map(toPlanSummary);
  }

  async getPlan(id: string): Promise<PlanRecord | null> {
    const r = this.prepared('SELECT * FROM coverage_plans WHERE id = ?').get(id) as Row | undefined;
    return r ? toPlan(r) : null;
  }

  // Users, sessions and the audit log live in a database file of their own (sqlite-accounts.ts), so a login or an
  // audited read never waits for an import holding this file's write lock.
  createUser = (u: UserRecord) => this.accounts.createUser(u);
  updateUser = (id: string, patch: Partial<Pick<UserRecord, 'passwordHash' | 'role' | 'disabled'>>) => this.accounts.updateUser(id, patch);
  findUser = (by: { id: string } | { username: string }) => this.accounts.findUser(by);
  listUsers = () => this.accounts.listUsers();
  createSession = (session: SessionRecord) => this.accounts.createSession(session);
  findSession = (tokenHash: string) => this.accounts.findSession(tokenHash);
  revokeSessions = (by: { tokenHash: string } | { userId: string }) => this.accounts.revokeSessions(by);
  appendAudit = (entry: Omit<AuditEntry, 'seq'>) => this.accounts.appendAudit(entry);
  listAudit = (q: AuditQuery) => this.accounts.listAudit(q);
}
