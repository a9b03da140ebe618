// Generates a demo puskesmas registry: one kecamatan-level puskesmas per kecamatan and one for most kelurahan, marked synthetic.
import type { Area, Facility, LngLat } from '../server/domain/types.js';
import { polygonContains } from '../server/analysis/area-index.js';
import type { KelurahanRecord } from './jakarta-admin.js';
import { createRng, type Rng } from './prng.js';

export const DEMO_FACILITY_SOURCE = 'Rawan demo puskesmas registry (generated; locations, capacities and designations are not real)';

function polygonsOf(a: Area): LngLat[][][] {
  return a.geometry.type === 'Polygon' ? [a.geometry.coordinates as LngLat[][]] : (a.geometry.coordinates as LngLat[][][]);
}

/** A point near `c` (within about `km`) that lies inside the area; falls back to `c`. */
function jitterInside(rng: Rng, c: LngLat, km: number, area: Area): LngLat {
  const polys = polygonsOf(area);
  for (let i = 0; i < 30; i++) {
    const p: LngLat = [c[0] + (rng.normal() * km) / 110, c[1] + (rng.normal() * km) / 110];
    if (polygonContains(polys, p)) return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
  }
  return c;
}

export function generateDemoFacilities(records: readonly KelurahanRecord[], kelurahan: readonly Area[], seed: number): Facility[] {
  const rng = createRng(seed ^ 0x5eed0002);
  const areaByCode = new Map(kelurahan.map((a) => [a.code, a]));
  const base = { source: DEMO_FACILITY_SOURCE, approximate: true, synthetic: true };
  const out: Facility[] = [];
  const byKecamatan = new Map<string, KelurahanRecord[]>();
  for (const r of records) byKecamatan.set(r.code.slice(0, 8), [...(byKecamatan.get(r.code.slice(0, 8)) ?? []), r]);

  for (const [kecCode, members] of byKecamatan) {
    const mx = members.reduce((s, m) => s + m.centroid[0], 0) / members.length;
    const my = members.reduce((s, m) => s + m.centroid[1], 0) / members.length;
    const host = members.reduce((best, m) =>
      Math.hypot(m.centroid[0] - mx, m.centroid[1] - my) < Math.hypot(best.centroid[0] - mx, best.centroid[1] - my) ? m : best,
    );
    const area = areaByCode.get(host.code);
    if (!area) continue;
    out.push({
      ...base,
      id: `demo-pkc-${kecCode.replaceAll('.', '')}`,
      name: `Puskesmas Kecamatan ${host.kecamatanName}`,
      level: 'kecamatan',
      areaCode: host.code,
      location: jitterInside(rng, host.centroid, 0.25, area),
      rehab: rng.next() < 0.45,
      capacityPerMonth: 30 + rng.int(7) * 5,
      builtYear: 1975 + rng.int(35),
    });
  }
  for (const r of records) {
    const area = areaByCode.get(r.code);
    if (!area || rng.next() > 0.82) continue;
    out.push({
      ...base,
      id: `demo-pkl-${r.code.replaceAll('.', '')}`,
      name: `Puskesmas Kelurahan ${r.name}`,
      level: 'kelurahan',
      areaCode: r.code,
      location: jitterInside(rng, r.centroid, 0.35, area),
      rehab: rng.next() < 0.08,
      capacityPerMonth: 6 + rng.int(4) * 3,
      builtYear: 1985 + rng.int(35),
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
