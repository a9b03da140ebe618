// Versioned schema migrations for the embedded SQLite store; each runs once, in order, inside a transaction.
import { keptTalliesCondition } from './event-tallies.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Resolutions at which each event's H3 cell is stored, so counts per cell are exact at every map resolution. */
export const STORED_H3_RESOLUTIONS = [7, 8, 9, 10] as const;
export type StoredH3Resolution = (typeof STORED_H3_RESOLUTIONS)[number];

/** Users, sessions and the audit log as migration 2 made them; since migration 12 in the accounts file (sqlite-accounts.ts). */
export const ACCOUNT_TABLES_SQL = `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0,
        address TEXT
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        username TEXT,
        role TEXT,
        action TEXT NOT NULL,
        target TEXT,
        details TEXT,
        address TEXT
      );
      CREATE INDEX audit_at ON audit_log (at);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'core tables',
    sql: `
      CREATE TABLE areas (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('kota', 'kecamatan', 'kelurahan')),
        parent_code TEXT,
        geometry TEXT NOT NULL,
        source TEXT NOT NULL,
        approximate INTEGER NOT NULL,
        population INTEGER,
        population_year INTEGER,
        population_source TEXT,
        population_approximate INTEGER,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX areas_level ON areas (level, code);

      CREATE TABLE focus_areas (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL,
        kelurahan_code TEXT NOT NULL,
        geometry TEXT NOT NULL,
        notes TEXT NOT NULL,
        source TEXT NOT NULL,
        approximate INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE facilities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('kecamatan', 'kelurahan')),
        area_code TEXT,
        lng REAL NOT NULL,
        lat REAL NOT NULL,
        rehab INTEGER NOT NULL,
        capacity_per_month INTEGER,
        built_year INTEGER,
        source TEXT NOT NULL,
        approximate INTEGER NOT NULL,
        synthetic INTEGER NOT NULL
      );

      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        date TEXT NOT NULL,
        lng REAL,
        lat REAL,
        area_code TEXT,
        focus_area_id TEXT,
        h3 TEXT,
        count INTEGER NOT NULL DEFAULT 1,
        source TEXT NOT NULL,
        synthetic INTEGER NOT NULL
      );
      CREATE INDEX events_date_type_area ON events (date, type, area_code, count);
      CREATE INDEX events_date_type_focus ON events (date, type, focus_area_id, count);

      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'users, sessions, audit log',
    sql: ACCOUNT_TABLES_SQL,
  },
  {
    version: 3,
    name: 'event counts by H3 cell',
    sql: `CREATE INDEX events_date_type_h3 ON events (date, type, h3, count);`,
  },
  {
    version: 4,
    name: 'exact H3 cells of events at resolutions 7 to 9',
    sql: `
      ALTER TABLE events ADD COLUMN h3_7 TEXT;
      ALTER TABLE events ADD COLUMN h3_8 TEXT;
      ALTER TABLE events ADD COLUMN h3_9 TEXT;
      DROP INDEX events_date_type_h3;
      CREATE INDEX events_date_type_h3_9 ON events (date, type, h3_9, count);
    `,
  },
  {
    version: 5,
    name: 'coverage plans',
    sql: `
      CREATE TABLE coverage_plans (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        params TEXT NOT NULL,
        result TEXT NOT NULL,
        summary TEXT NOT NULL,
        created_by TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (name, version)
      );
    `,
  },
  {
    version: 6,
    name: 'event tallies per month, dekad and day',
    // One row per (dimension, bucket size, bucket, key) with a row count and a count sum per event type (see
    // event-tallies.ts); the store keeps it in step in every write and fills it from stored events when this runs.
    sql: `
      CREATE TABLE event_tallies (
        dim INTEGER NOT NULL,
        grain INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        key TEXT NOT NULL,
        n_prevention INTEGER NOT NULL DEFAULT 0,
        n_early_detection INTEGER NOT NULL DEFAULT 0,
        n_user_case INTEGER NOT NULL DEFAULT 0,
        n_rehab_intake INTEGER NOT NULL DEFAULT 0,
        n_dealer_arrest INTEGER NOT NULL DEFAULT 0,
        s_prevention INTEGER NOT NULL DEFAULT 0,
        s_early_detection INTEGER NOT NULL DEFAULT 0,
        s_user_case INTEGER NOT NULL DEFAULT 0,
        s_rehab_intake INTEGER NOT NULL DEFAULT 0,
        s_dealer_arrest INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (dim, grain, bucket, key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: 'focus-area versions and edit history',
    // The lng/lat index finds the events inside an edited outline's box (only located events are indexed).
    sql: `
      ALTER TABLE focus_areas ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE focus_areas ADD COLUMN updated_by TEXT;
      CREATE TABLE focus_area_history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        focus_area_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
        at TEXT NOT NULL,
        username TEXT,
        changed TEXT NOT NULL,
        previous TEXT,
        current TEXT
      );
      CREATE INDEX focus_area_history_id ON focus_area_history (focus_area_id, seq);
      CREATE INDEX events_lng_lat ON events (lng, lat) WHERE lng IS NOT NULL;
    `,
  },
  {
    version: 8,
    name: 'fewer fine-cell tallies',
    // Tallies no longer kept (see DIMS in event-tallies.ts): their periods are counted from the events.
    sql: `DELETE FROM event_tallies WHERE NOT (${keptTalliesCondition()});`,
  },
  {
    version: 9,
    name: 'events looked up by resolution-7 cell and date instead of by coordinates',
    // An index on raw coordinates takes each import's inserts at random places; (h3_7, date) takes them at the end
    // of each cell's run, and a box's events are found through the cells covering it (bbox-cells.ts).
    sql: `
      DROP INDEX IF EXISTS events_lng_lat;
      CREATE INDEX IF NOT EXISTS events_h3_7_date ON events (h3_7, date);
    `,
  },
  {
    version: 10,
    name: 'no event indexes by kelurahan or focus area',
    // Counts by kelurahan and by focus area come from their day, dekad and month tallies for every period, so these two
    // indexes only slowed each import (two more B-trees per row: at 1,000,000 rows about a third of the insert time).
    // Events by date alone use events_date_type_h3_9, which starts with the date too.
    sql: `
      DROP INDEX IF EXISTS events_date_type_area;
      DROP INDEX IF EXISTS events_date_type_focus;
    `,
  },
  {
    version: 11,
    name: 'import provenance and roll-back',
    // Each imported record names its import; import_undo keeps the rows an import replaced or deleted (new rows need
    // none: they carry the import id), so the import can be undone as a whole. events_import is partial: the built-in
    // data and events written before this migration have no import.
    sql: `
      CREATE TABLE imports (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        imported_by TEXT,
        files TEXT NOT NULL,
        records INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('applied', 'rolled_back')),
        rolled_back_at TEXT,
        rolled_back_by TEXT
      );
      CREATE INDEX imports_at ON imports (at);
      CREATE TABLE import_undo (
        import_id TEXT NOT NULL,
        tbl TEXT NOT NULL CHECK (tbl IN ('events', 'facilities', 'areas', 'population')),
        key TEXT NOT NULL,
        prior_import TEXT,
        prior TEXT NOT NULL,
        PRIMARY KEY (import_id, tbl, key)
      ) WITHOUT ROWID;
      CREATE INDEX import_undo_prior ON import_undo (prior_import) WHERE prior_import IS NOT NULL;
      ALTER TABLE events ADD COLUMN import_id TEXT;
      ALTER TABLE facilities ADD COLUMN import_id TEXT;
      ALTER TABLE areas ADD COLUMN import_id TEXT;
      ALTER TABLE areas ADD COLUMN population_import_id TEXT;
      CREATE INDEX events_import ON events (import_id) WHERE import_id IS NOT NULL;
    `,
  },
  {
    version: 12,
    name: 'users, sessions and the audit log moved to their own file',
    // SqliteStore.migrate copies them into the accounts file (sqlite-accounts.ts) and commits that before this runs.
    sql: `
      DROP TABLE IF EXISTS sessions;
      DROP TABLE IF EXISTS users;
      DROP TABLE IF EXISTS audit_log;
    `,
  },
  {
    version: 13,
    name: 'no event index by import',
    // Only a roll-back looked events up by import, and it reads the table once in rowid order instead (a second or
    // so per million stored events); the index cost every imported event a fifth B-tree, about 0.7 s per million.
    sql: `DROP INDEX IF EXISTS events_import;`,
  },
];
