// Finds the import files in a directory laid out like shared/data/jakarta: boundaries, puskesmas, population, events.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportKind } from './import-service.js';

export interface PlannedFile {
  kind: ImportKind;
  path: string;
}

export function planJakartaDirectory(dir: string): PlannedFile[] {
  const files = readdirSync(dir).sort();
  const pick = (re: RegExp, exclude?: RegExp) => files.filter((f) => re.test(f) && !(exclude?.test(f) ?? false));
  const boundaries = ['kota', 'kecamatan', 'kelurahan'].flatMap((lvl) =>
    pick(new RegExp(`(^|_)${lvl}(_|\\.)[^/]*\\.geojson$`, 'i'), /population|demografi|penduduk/i),
  );
  const facilitiesGeo = pick(/puskesmas.*\.geojson$/i);
  const facilities = facilitiesGeo.length > 0 ? facilitiesGeo.slice(0, 1) : pick(/puskesmas.*\.csv$/i, /kemenkes|list/i).slice(0, 1);
  const population = pick(/(population|penduduk).*\.csv$/i).slice(0, 1);
  const events = pick(/^(events|kasus|cases).*\.(csv|geojson)$/i);
  return [
    ...boundaries.map((f) => ({ kind: 'boundaries' as const, path: join(dir, f) })),
    ...facilities.map((f) => ({ kind: 'facilities' as const, path: join(dir, f) })),
    ...population.map((f) => ({ kind: 'population' as const, path: join(dir, f) })),
    ...events.map((f) => ({ kind: 'events' as const, path: join(dir, f) })),
  ];
}
