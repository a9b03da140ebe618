// The built-in default: approximate Jakarta areas, the three focus areas, a demo puskesmas registry, demo population
// and synthetic events, all marked as such. Same seed, same data.
import type { Area, CaseEvent, Facility, FocusArea, Population } from '../server/domain/types.js';
import { createEventPlacer } from '../server/ingest/event-placer.js';
import { generateDemoEvents } from './demo-events.js';
import { generateDemoFacilities } from './demo-facilities.js';
import { generateDemoPopulation } from './demo-population.js';
import { loadFocusAreas } from './focus-areas.js';
import { buildApproximateAreas, loadJakartaKelurahan } from './jakarta-admin.js';

export const DEFAULT_SEED = 20250411;

export interface Dataset {
  areas: Area[];
  focusAreas: FocusArea[];
  facilities: Facility[];
  population: Population[];
  events: CaseEvent[];
}

export function buildDefaultDataset(seed: number = DEFAULT_SEED): Dataset {
  const records = loadJakartaKelurahan();
  const areas = buildApproximateAreas(records);
  const kelurahan = areas.filter((a) => a.level === 'kelurahan');
  const focusAreas = loadFocusAreas();
  const population = generateDemoPopulation(kelurahan, seed);
  const facilities = generateDemoFacilities(records, kelurahan, seed);
  const place = createEventPlacer(kelurahan, focusAreas);
  const events = generateDemoEvents({ kelurahan, population, focusAreas, seed }).map((e) => ({ ...e, ...place(e.location) }));
  return { areas, focusAreas, facilities, population, events };
}
