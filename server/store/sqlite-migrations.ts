// Versioned schema migrations for the embedded SQLite store; each runs once, in order, inside a transaction.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

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
];
