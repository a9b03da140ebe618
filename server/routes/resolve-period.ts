// Fills in a missing from/to: by default the year ending on the latest stored event (or today when there are none).
import { fromDay, toDay, yearEndingOn, type Period } from '../analysis/period.js';
import type { Store } from '../store/store.js';

export async function resolvePeriod(store: Store, from: string | undefined, to: string | undefined): Promise<Period> {
  if (from !== undefined && to !== undefined) return { from, to };
  if (to !== undefined) return yearEndingOn(to);
  const latest = (await store.eventDateRange())?.max ?? new Date().toISOString().slice(0, 10);
  if (from !== undefined) return { from, to: latest >= from ? latest : fromDay(toDay(from) + 364) };
  return yearEndingOn(latest);
}
