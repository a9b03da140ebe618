// Versioned schema migrations for the PostgreSQL/PostGIS store, mirroring the SQLite ones version for version.
import type { Migration } from './sqlite-migrations.js';
import { PRETALLIED_TRIGGERS_SQL, TALLY_MIGRATION_SQL, TALLY_SLIMMING_SQL } from './postgres-tallies.js';

/**
 * Identifiers and codes use the "C" collation so ordering and comparison are bytewise, exactly as SQLite's BINARY
 * collation; timestamps stay ISO text so they round-trip unchanged. Every geometry keeps its original GeoJSON text
 * beside a PostGIS column (SRID 4326) with a GiST index, so reads return exactly what was written.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'core tables',
    sql: `
      CREATE TABLE areas (
        code text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('kota', 'kecamatan', 'kelurahan')),
        parent_code text COLLATE "C",
        geometry text NOT NULL,
        geom geometry(MultiPolygon, 4326) NOT NULL,
        source text NOT NULL,
        approximate boolean NOT NULL,
        population integer,
        population_year integer,
        population_source text,
        population_approximate boolean,
        updated_at text NOT NULL
      );
      CREATE INDEX areas_level ON areas (level, code);
      CREATE INDEX areas_geom ON areas USING gist (geom);

      CREATE TABLE focus_areas (
        id text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        aliases text NOT NULL,
        kelurahan_code text COLLATE "C" NOT NULL,
        geometry text NOT NULL,
        geom geometry(MultiPolygon, 4326) NOT NULL,
        notes text NOT NULL,
        source text NOT NULL,
        approximate boolean NOT NULL,
        updated_at text NOT NULL
      );
      CREATE INDEX focus_areas_geom ON focus_areas USING gist (geom);

      CREATE TABLE facilities (
        id text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('kecamatan', 'kelurahan')),
        area_code text COLLATE "C",
        lng double precision NOT NULL,
        lat double precision NOT NULL,
        geom geometry(Point, 4326) NOT NULL,
        rehab boolean NOT NULL,
        capacity_per_month integer,
        built_year integer,
        source text NOT NULL,
        approximate boolean NOT NULL,
        synthetic boolean NOT NULL
      );
      CREATE INDEX facilities_geom ON facilities USING gist (geom);

      CREATE TABLE events (
        id text COLLATE "C" PRIMARY KEY,
        type text COLLATE "C" NOT NULL,
        date date NOT NULL,
        lng double precision,
        lat double precision,
        geom geometry(Point, 4326),
        area_code text COLLATE "C",
        focus_area_id text COLLATE "C",
        h3 text COLLATE "C",
        count integer NOT NULL DEFAULT 1,
        source text NOT NULL,
        synthetic boolean NOT NULL
      );
      CREATE INDEX events_date_type_area ON events (date, type, area_code, count);
      CREATE INDEX events_date_type_focus ON events (date, type, focus_area_id, count);
      -- SP-GiST (the space-partitioned member of the GiST family): on random points it takes about 1 s per 100,000
      -- inserts where a plain GiST index takes 3.5 s, and answers the same && bbox searches.
      CREATE INDEX events_geom ON events USING spgist (geom);

      CREATE TABLE meta (key text COLLATE "C" PRIMARY KEY, value text NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'users, sessions, audit log',
    sql: `
      CREATE TABLE users (
        id text COLLATE "C" PRIMARY KEY,
        username text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
        disabled boolean NOT NULL DEFAULT false,
        created_at text NOT NULL,
        updated_at text NOT NULL
      );
      -- SQLite's COLLATE NOCASE: unique and looked up ignoring case.
      CREATE UNIQUE INDEX users_username_nocase ON users ((lower(username) COLLATE "C"));
      CREATE TABLE sessions (
        token_hash text COLLATE "C" PRIMARY KEY,
        user_id text COLLATE "C" NOT NULL REFERENCES users (id),
        created_at text NOT NULL,
        expires_at text NOT NULL,
        revoked boolean NOT NULL DEFAULT false,
        address text
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE TABLE audit_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at text COLLATE "C" NOT NULL,
        username text,
        role text,
        action text NOT NULL,
        target text,
        details text,
        address text
      );
      CREATE INDEX audit_at ON audit_log (at);
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'the audit log is append-only';
        END;
      $$;
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `,
  },
  {
    version: 3,
    name: 'event counts by H3 cell',
    sql: `CREATE INDEX events_date_type_h3 ON events (date, type, h3, count);`,
  },
  {
    version: 4,
    name: 'exact H3 cells of events at resolutions 7 to 9',
    // The cells of events already stored are filled in by the store after this runs (see PostgresStore.migrate).
    sql: `
      ALTER TABLE events ADD COLUMN h3_7 text COLLATE "C";
      ALTER TABLE events ADD COLUMN h3_8 text COLLATE "C";
      ALTER TABLE events ADD COLUMN h3_9 text COLLATE "C";
      DROP INDEX events_date_type_h3;
      CREATE INDEX events_date_type_h3_9 ON events (date, type, h3_9, count);
    `,
  },
  {
    version: 5,
    name: 'coverage plans',
    sql: `
      CREATE TABLE coverage_plans (
        id text COLLATE "C" PRIMARY KEY,
        name text COLLATE "C" NOT NULL,
        version integer NOT NULL,
        params text NOT NULL,
        result text NOT NULL,
        summary text NOT NULL,
        created_by text,
        created_at text COLLATE "C" NOT NULL,
        UNIQUE (name, version)
      );
    `,
  },
  {
    version: 6,
    name: 'event tallies per month, dekad and day',
    // Kept in step by statement-level triggers on events (see postgres-tallies.ts), filled from stored events here.
    sql: TALLY_MIGRATION_SQL,
  },
  {
    version: 7,
    name: 'focus-area versions and edit history',
    // Events inside an edited outline's box are found through the existing events_geom index.
    sql: `
      ALTER TABLE focus_areas ADD COLUMN version integer NOT NULL DEFAULT 1;
      ALTER TABLE focus_areas ADD COLUMN updated_by text;
      CREATE TABLE focus_area_history (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        focus_area_id text COLLATE "C" NOT NULL,
        version integer NOT NULL,
        action text NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
        at text COLLATE "C" NOT NULL,
        username text,
        changed text NOT NULL,
        previous text,
        current text
      );
      CREATE INDEX focus_area_history_id ON focus_area_history (focus_area_id, seq);
    `,
  },
  {
    version: 8,
    name: 'fewer fine-cell tallies',
    // The trigger functions now write only the tallies DIMS keeps; the others are dropped.
    sql: TALLY_SLIMMING_SQL,
  },
  {
    version: 9,
    name: 'no event indexes by kelurahan or focus area',
    // Counts by kelurahan and by focus area come from their day, dekad and month tallies for every period: these two
    // indexes only slowed each import. Events by date alone use events_date_type_h3_9, which starts with the date too.
    sql: `
      DROP INDEX IF EXISTS events_date_type_area;
      DROP INDEX IF EXISTS events_date_type_focus;
    `,
  },
  {
    version: 10,
    name: 'import provenance and roll-back',
    // As SQLite's migration 11: each imported record names its import, import_undo keeps the rows an import replaced
    // or deleted (as jsonb without the PostGIS column, rebuilt from the columns it was made from when put back).
    sql: `
      CREATE TABLE imports (
        id text COLLATE "C" PRIMARY KEY,
        at text COLLATE "C" NOT NULL,
        imported_by text,
        files text NOT NULL,
        records integer NOT NULL,
        status text NOT NULL CHECK (status IN ('applied', 'rolled_back')),
        rolled_back_at text,
        rolled_back_by text
      );
      CREATE INDEX imports_at ON imports (at);
      CREATE TABLE import_undo (
        import_id text COLLATE "C" NOT NULL,
        tbl text COLLATE "C" NOT NULL CHECK (tbl IN ('events', 'facilities', 'areas', 'population')),
        key text COLLATE "C" NOT NULL,
        prior_import text COLLATE "C",
        prior jsonb NOT NULL,
        PRIMARY KEY (import_id, tbl, key)
      );
      CREATE INDEX import_undo_prior ON import_undo (prior_import) WHERE prior_import IS NOT NULL;
      ALTER TABLE events ADD COLUMN import_id text COLLATE "C";
      ALTER TABLE facilities ADD COLUMN import_id text COLLATE "C";
      ALTER TABLE areas ADD COLUMN import_id text COLLATE "C";
      ALTER TABLE areas ADD COLUMN population_import_id text COLLATE "C";
      CREATE INDEX events_import ON events (import_id) WHERE import_id IS NOT NULL;
    `,
  },
  {
    version: 11,
    name: 'tallies of imported events summed by the import thread',
    // The tally triggers leave the events of a transaction that set rawan.pretallied to the tallies it writes itself.
    sql: PRETALLIED_TRIGGERS_SQL,
  },
];
