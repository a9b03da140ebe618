// Generates a plausible demo population per kelurahan (area × a seeded density around Jakarta's ~16,000 people/km²), marked approximate.
import * as turf from '@turf/turf';
import type { Area, Population } from '../server/domain/types.js';
import { createRng } from './prng.js';

export const DEMO_POPULATION_SOURCE = 'Rawan demo population (generated from approximate area; not an official figure)';

export function generateDemoPopulation(kelurahan: readonly Area[], seed: number): Population[] {
  const rng = createRng(seed ^ 0x5eed0001);
  return kelurahan.map((k) => {
    const km2 = turf.area(turf.feature(k.geometry)) / 1e6;
    const island = k.code.startsWith('31.01.');
    const density = island ? 2500 : 16000 * Math.exp(0.35 * rng.normal());
    const population = Math.round(Math.min(130_000, Math.max(island ? 2_000 : 8_000, km2 * density)) / 10) * 10;
    return { code: k.code, population, year: null, source: DEMO_POPULATION_SOURCE, approximate: true };
  });
}
