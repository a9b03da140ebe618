// Opens the configured Store, migrates it, and loads the built-in default data when it is empty.
import { buildDefaultDataset } from '../../data/default-dataset.js';
import type { Config } from '../config.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store, StoreWrite } from './store.js';
import type { Dataset } from '../../data/default-dataset.js';

export async function openStore(config: Pick<Config, 'dbPath'>): Promise<Store> {
  const url = process.env.DATABASE_URL ?? '';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    // Loaded only when asked for, so the embedded default never needs the pg driver.
    const { PostgresStore } = await import('./postgres-store.js');
    const pgStore = new PostgresStore(url);
    await pgStore.migrate();
    return pgStore;
  }
  const store = new SqliteStore(config.dbPath);
  await store.migrate();
  return store;
}

export function datasetWrites(d: Dataset, note: string): StoreWrite[] {
  return [
    { kind: 'areas', areas: d.areas },
    { kind: 'population', rows: d.population },
    { kind: 'focusAreas', focusAreas: d.focusAreas },
    { kind: 'facilities', facilities: d.facilities, replaceSynthetic: true },
    { kind: 'events', events: d.events },
    { kind: 'meta', key: 'default_data', value: note },
  ];
}

/** Loads the built-in default dataset into an empty store; returns whether it did. */
export async function ensureDefaultData(store: Store, seed: number, log: (msg: string) => void = () => {}): Promise<boolean> {
  const counts = await store.counts();
  if (counts.areas > 0) return false;
  const t0 = performance.now();
  log('Store is empty: generating the built-in default data (approximate Jakarta areas, demo puskesmas, synthetic events)…');
  const d = buildDefaultDataset(seed);
  await store.write(datasetWrites(d, JSON.stringify({ seed, generatedAt: new Date().toISOString() })));
  log(`Loaded ${d.areas.length} areas, ${d.focusAreas.length} focus areas, ${d.facilities.length} demo puskesmas and ${d.events.length} synthetic events in ${Math.round(performance.now() - t0)} ms.`);
  return true;
}
