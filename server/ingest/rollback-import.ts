// Rolls a stored import back as a whole: the store undoes its records in one transaction and, when the import brought
// boundaries, places every event again with the same placer imports use.
import type { RollbackResult } from '../store/import-records.js';
import type { Store } from '../store/store.js';
import { createAreaPlacer } from './event-placer.js';

export async function rollbackImport(store: Store, id: string, by: string | null): Promise<RollbackResult> {
  return store.rollbackImport(id, by, createAreaPlacer);
}
