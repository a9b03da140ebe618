// The PostgreSQL 15 + PostGIS Store on a `pg` connection pool: versioned migrations, every write batch in one transaction.
import pg from 'pg';
import type { AreaLevel, CaseEvent, EventFilter, Facility, FocusArea } from '../domain/types.js';
import { postgresMigrations } from './postgres-migrations.js';
import { backfillEventCells } from './postgres-backfill.js';
import { PostgresAccounts } from './postgres-accounts.js';
import { InvalidSchemaNameError, PostgisMissingError, UnstoredResolutionError } from './postgres-errors.js';
import { LIST_PLANS, savePlan } from './postgres-plans.js';
import { str, strOrNull, toPlan, toPlanSummary, type Row } from './rows.js';
import { eventType, toArea, toEvent, toFacility, toFocusArea } from './postgres-rows.js';
import { applyWrite } from './postgres-writes.js';
import { applyPostgresStream } from './postgres-write-stream.js';
import { PostgresFocusAreas } from './postgres-focus-areas.js';
import { rollbackPostgresImport } from './postgres-imports.js';
import { toImportRecord, type ImportRecord, type PlacerFactory, type RollbackResult } from './import-records.js';
import type { FocusAreaEdit, FocusAreaEditResult, FocusAreaHistoryEntry, FocusAreaRecord } from './focus-area-store.js';
import { cellDim, DIMS, TALLIED_TYPES, toGroupCounts, toMonthCounts } from './event-tallies.js';
import { tallySumQuery, type PgTallyQuery } from './postgres-tallies.js';
import { STORED_H3_RESOLUTIONS } from './sqlite-migrations.js';
import type {
  AreaRecord,
  AuditEntry,
  AuditQuery,
  CellCount,
  EventLocation,
  EventQuery,
  FacilityPatch,
  GroupCount,
  MonthCount,
  PlanRecord,
  SessionRecord,
  Store,
  StoreCounts,
  StoreWrite,
  UserRecord,
} from './store.js';
import { eventsIn } from './store.js';

export interface PostgresStoreOptions {
  /** A schema of its own (created on migrate) instead of the role's default search path; PostGIS lives in `public`. */
  schema?: string;
  /** Most pooled connections (default 10). */
  maxConnections?: number;
}

/** Any fixed 64-bit number: every app server migrating at once takes this advisory lock, so one migrates and the rest wait. */
const MIGRATION_LOCK = 72_617_826_041;
/** After a write of this many events, refresh planner statistics so reads keep choosing the indexes. */
const ANALYZE_AFTER_EVENTS = 50_000;
const EVENT_COLUMNS = `id, type, to_char(date, 'YYYY-MM-DD') AS date, lng, lat, area_code, focus_area_id, h3, count, source, synthetic`;
const BUMP_DATA_VERSION = `INSERT INTO meta (key, value) VALUES ('data_version', '1')
  ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text`;

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly schema: string | undefined;
  private readonly accounts: PostgresAccounts;
  private readonly focusAreas: PostgresFocusAreas;

  constructor(connectionString: string, opts: PostgresStoreOptions = {}) {
    if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new InvalidSchemaNameError(opts.schema);
    this.schema = opts.schema;
    this.pool = new pg.Pool({
      connectionString,
      max: opts.maxConnections ?? 10,
      options: opts.schema === undefined ? undefined : `-c search_path=${opts.schema},public`,
    });
    this.accounts = new PostgresAccounts(this.pool);
    this.focusAreas = new PostgresFocusAreas(this.pool, (fn) => this.transaction(fn));
    // An idle pooled connection the server drops must not crash the process; the next query opens a new one.
    this.pool.on('error', (err) => console.error(`postgres: idle connection lost: ${err.message}`));
  }

  /** Runs `fn` in one transaction on one pooled connection, rolling back if it throws. */
  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw e;
    } finally {
      client.release(broken);
    }
  }

  async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK]);
      const { rowCount } = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'postgis'");
      if (rowCount === 0) {
        await client.query('CREATE EXTENSION postgis SCHEMA public').catch((e: unknown) => {
          throw new PostgisMissingError(e);
        });
      }
      if (this.schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
      const applied = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r: Row) => Number(r.version)));
      for (const m of postgresMigrations) {
        if (applied.has(m.version)) continue;
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        if (m.version === 4) await backfillEventCells(client);
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async write(batch: readonly StoreWrite[]): Promise<void> {
    await this.transaction(async (client) => {
      for (const w of batch) await applyWrite(client, w);
      await client.query(BUMP_DATA_VERSION);
    });
    const events = batch.reduce((n, w) => n + eventsIn(w), 0);
    if (events >= ANALYZE_AFTER_EVENTS) await this.pool.query('ANALYZE events');
  }

  async writeStream(batches: AsyncIterable<readonly StoreWrite[]>): Promise<void> {
    let events = 0;
    await this.transaction(async (client) => {
      events = await applyPostgresStream(client, batches);
      await client.query(BUMP_DATA_VERSION);
    });
    if (events >= ANALYZE_AFTER_EVENTS) await this.pool.query('ANALYZE events');
  }

  async listImports(limit: number): Promise<ImportRecord[]> {
    return (await this.rows('SELECT * FROM imports ORDER BY at DESC, id DESC LIMIT $1', [limit])).map(toImportRecord);
  }

  async getImport(id: string): Promise<ImportRecord | null> {
    const [r] = await this.rows('SELECT * FROM imports WHERE id = $1', [id]);
    return r ? toImportRecord(r) : null;
  }

  async rollbackImport(id: string, by: string | null, place: PlacerFactory): Promise<RollbackResult> {
    const out = await this.transaction(async (client) => {
      const r = await rollbackPostgresImport(client, id, by, place);
      await client.query(BUMP_DATA_VERSION);
      return r;
    });
    if (out.removed + out.restored + out.replaced >= ANALYZE_AFTER_EVENTS) await this.pool.query('ANALYZE events');
    return out;
  }

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows;
  }

  async counts(): Promise<StoreCounts> {
    // Event totals from the tallies: a COUNT(*) over millions of events takes most of a second.
    const n = TALLIED_TYPES.map((t) => `n_${t}`).join(' + ');
    const [r] = await this.rows(`SELECT (SELECT COUNT(*) FROM areas) AS areas, (SELECT COUNT(*) FROM focus_areas) AS focus,
      (SELECT COUNT(*) FROM facilities) AS facilities, COALESCE(SUM(${n}), 0) AS events,
      COALESCE(SUM(${n}) FILTER (WHERE key = '1'), 0) AS synthetic
      FROM event_tallies WHERE dim = ${DIMS.synthetic.id}`);
    return {
      areas: Number(r.areas),
      focusAreas: Number(r.focus),
      facilities: Number(r.facilities),
      events: Number(r.events),
      syntheticEvents: Number(r.synthetic),
    };
  }

  async listAreas(level: AreaLevel): Promise<AreaRecord[]> {
    return (await this.rows('SELECT * FROM areas WHERE level = $1 ORDER BY code', [level])).map(toArea);
  }

  async listFocusAreas(): Promise<FocusArea[]> {
    return (await this.rows('SELECT * FROM focus_areas ORDER BY id')).map(toFocusArea);
  }

  // Focus-area editing lives in postgres-focus-areas.ts.
  getFocusArea = (id: string): Promise<FocusAreaRecord | null> => this.focusAreas.getFocusArea(id);
  editFocusArea = (edit: FocusAreaEdit): Promise<FocusAreaEditResult> => this.focusAreas.editFocusArea(edit);
  listFocusAreaHistory = (id: string): Promise<FocusAreaHistoryEntry[]> => this.focusAreas.listFocusAreaHistory(id);
  focusAreaIdTaken = (id: string): Promise<boolean> => this.focusAreas.focusAreaIdTaken(id);

  async listFacilities(): Promise<Facility[]> {
    return (await this.rows('SELECT * FROM facilities ORDER BY id')).map(toFacility);
  }

  /**
   * Sums tallies in a read-only transaction without parallel workers or JIT: the sums read thousands of rows, where
   * starting workers and compiling cost more than they save (measured: 47 ms with two workers, 1 ms without).
   */
  private async tallies(q: PgTallyQuery): Promise<Row[]> {
    const query = tallySumQuery(q);
    if (!query) return [];
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off');
      const { rows } = await client.query<Row>(query.sql, query.params);
      await client.query('COMMIT');
      return rows;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async countEvents(filter: EventFilter, by: 'area' | 'focus'): Promise<GroupCount[]> {
    return toGroupCounts(await this.tallies({ dim: by, from: filter.from, to: filter.to }), filter.types);
  }

  async countEventsByMonth(filter: EventFilter, where: { areaCodes?: readonly string[]; focusAreaId?: string }): Promise<MonthCount[]> {
    if (where.areaCodes && where.focusAreaId !== undefined) return this.countEventsByMonthRaw(filter, where);
    if (where.areaCodes?.length === 0) return [];
    const { from, to } = filter;
    const rows =
      where.focusAreaId !== undefined
        ? await this.tallies({ dim: 'focus', from, to, keys: [where.focusAreaId], byMonth: true })
        : await this.tallies({ dim: 'area', from, to, keys: where.areaCodes, byMonth: true });
    return toMonthCounts(rows, filter.types);
  }

  /** Straight from the events, for the one combination (kelurahan codes and a focus area) no tally is keyed by. */
  private async countEventsByMonthRaw(filter: EventFilter, where: { areaCodes?: readonly string[]; focusAreaId?: string }): Promise<MonthCount[]> {
    const rows = await this.rows(
      `SELECT to_char(date, 'YYYY-MM') AS month, type, SUM(count) AS n FROM events
       WHERE date >= $1::date AND date <= $2::date AND type = ANY($3::text[]) AND area_code = ANY($4::text[]) AND focus_area_id = $5
       GROUP BY month, type ORDER BY month, type`,
      [filter.from, filter.to, filter.types, where.areaCodes, where.focusAreaId],
    );
    return rows.map((r) => ({ month: str(r.month), type: eventType(r.type), count: Number(r.n) }));
  }

  async countEventsByCell(filter: EventFilter, resolution: number): Promise<CellCount[]> {
    const known: readonly number[] = STORED_H3_RESOLUTIONS;
    const dim = cellDim(resolution);
    if (!known.includes(resolution) || dim === null) throw new UnstoredResolutionError(resolution);
    const rows = await this.tallies({ dim, from: filter.from, to: filter.to, together: filter.types });
    return rows.filter((r) => Number(r.n) > 0).map((r) => ({ h3: str(r.key), count: Number(r.s) }));
  }

  async dataVersion(): Promise<number> {
    return Number((await this.getMeta('data_version')) ?? 0);
  }

  async eventDateRange(): Promise<{ min: string; max: string } | null> {
    const [r] = await this.rows(`SELECT to_char(MIN(date), 'YYYY-MM-DD') AS min, to_char(MAX(date), 'YYYY-MM-DD') AS max FROM events`);
    return r.min === null ? null : { min: str(r.min), max: str(r.max) };
  }

  async listEvents(q: EventQuery): Promise<CaseEvent[]> {
    const clauses = ['date >= $1::date', 'date <= $2::date', 'type = ANY($3::text[])'];
    const params: unknown[] = [q.from, q.to, q.types];
    if (q.bbox) {
      const [w, s, e, n] = q.bbox;
      params.push(w, s, e, n);
      // The GiST test on float-rounded boxes narrows the search; the exact comparisons keep the edges inclusive.
      clauses.push('geom && ST_MakeEnvelope($4, $5, $6, $7, 4326)', 'lng >= $4 AND lng <= $6 AND lat >= $5 AND lat <= $7');
    }
    params.push(q.limit);
    const rows = await this.rows(`SELECT ${EVENT_COLUMNS} FROM events WHERE ${clauses.join(' AND ')} ORDER BY date, id LIMIT $${params.length}`, params);
    return rows.map(toEvent);
  }

  async listEventLocations(): Promise<EventLocation[]> {
    const rows = await this.rows('SELECT id, lng, lat FROM events WHERE lng IS NOT NULL');
    return rows.map((r) => ({ id: str(r.id), location: [Number(r.lng), Number(r.lat)] }));
  }

  async getMeta(key: string): Promise<string | null> {
    const [r] = await this.rows('SELECT value FROM meta WHERE key = $1', [key]);
    return r ? str(r.value) : null;
  }

  async updateFacility(id: string, patch: FacilityPatch): Promise<boolean> {
    return this.transaction(async (client) => {
      const { rowCount } = await client.query(
        `UPDATE facilities SET capacity_per_month = CASE WHEN $2 THEN $3::integer ELSE capacity_per_month END,
           rehab = COALESCE($4::boolean, rehab) WHERE id = $1`,
        [id, patch.capacityPerMonth !== undefined, patch.capacityPerMonth ?? null, patch.rehab ?? null],
      );
      if (rowCount === 0) return false;
      await client.query(BUMP_DATA_VERSION);
      return true;
    });
  }

  savePlan(plan: Omit<PlanRecord, 'version'>): Promise<PlanRecord> {
    return this.transaction((client) => savePlan(client, plan));
  }

  async listPlans(): Promise<Array<Omit<PlanRecord, 'params' | 'result'>>> {
    return (await this.rows(LIST_PLANS)).map(toPlanSummary);
  }

  async getPlan(id: string): Promise<PlanRecord | null> {
    const [r] = await this.rows('SELECT * FROM coverage_plans WHERE id = $1', [id]);
    return r ? toPlan(r) : null;
  }

  createUser(u: UserRecord): Promise<void> {
    return this.accounts.createUser(u);
  }

  updateUser(id: string, patch: Partial<Pick<UserRecord, 'passwordHash' | 'role' | 'disabled'>>): Promise<void> {
    return this.accounts.updateUser(id, patch);
  }

  findUser(by: { id: string } | { username: string }): Promise<UserRecord | null> {
    return this.accounts.findUser(by);
  }

  listUsers(): Promise<UserRecord[]> {
    return this.accounts.listUsers();
  }

  createSession(s: SessionRecord): Promise<void> {
    return this.accounts.createSession(s);
  }

  findSession(tokenHash: string): Promise<SessionRecord | null> {
    return this.accounts.findSession(tokenHash);
  }

  revokeSessions(by: { tokenHash: string } | { userId: string }): Promise<void> {
    return this.accounts.revokeSessions(by);
  }

  appendAudit(e: Omit<AuditEntry, 'seq'>): Promise<void> {
    return this.accounts.appendAudit(e);
  }

  listAudit(q: AuditQuery): Promise<AuditEntry[]> {
    return this.accounts.listAudit(q);
  }
}
