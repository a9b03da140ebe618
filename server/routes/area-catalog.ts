// Looks up the areas of a level together with the kelurahan they are made of and the known population of each kelurahan.
import type { AreaLevel } from '../domain/types.js';
import type { IndicatorArea, PopulationFigure } from '../analysis/indicators.js';
import type { AreaRecord, Store } from '../store/store.js';

export interface AreaCatalog {
  kelurahan: AreaRecord[];
  areas: IndicatorArea[];
  population: Map<string, PopulationFigure>;
}

/** Kelurahan codes belong to the kecamatan and kota whose code prefixes them (Kemendagri codes nest). */
export function membersOf(code: string, kelurahan: readonly AreaRecord[]): string[] {
  return kelurahan.filter((k) => k.code.startsWith(`${code}.`)).map((k) => k.code);
}

export function populationByKelurahan(kelurahan: readonly AreaRecord[]): Map<string, PopulationFigure> {
  const m = new Map<string, PopulationFigure>();
  for (const k of kelurahan) {
    if (k.population === null) continue;
    m.set(k.code, { population: k.population, year: k.populationYear, source: k.populationSource ?? '', approximate: k.populationApproximate ?? true });
  }
  return m;
}

export async function loadCatalog(store: Store, level: AreaLevel | 'focus'): Promise<AreaCatalog> {
  const kelurahan = await store.listAreas('kelurahan');
  const population = populationByKelurahan(kelurahan);
  if (level === 'focus') {
    const focus = await store.listFocusAreas();
    return {
      kelurahan,
      population,
      areas: focus.map((f) => ({ code: f.id, name: f.name, level: 'focus', parentCode: f.kelurahanCode, members: [f.id] })),
    };
  }
  const rows = level === 'kelurahan' ? kelurahan : await store.listAreas(level);
  return {
    kelurahan,
    population,
    areas: rows.map((a) => ({
      code: a.code,
      name: a.name,
      level: a.level,
      parentCode: a.parentCode,
      members: level === 'kelurahan' ? [a.code] : membersOf(a.code, kelurahan),
    })),
  };
}
