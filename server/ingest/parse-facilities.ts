// Turns a puskesmas registry (GeoJSON points or CSV with coordinates) into Facility records; the name decides the
// kelurahan a puskesmas serves (the registry's own naming is authoritative), point in polygon is the fallback.
import { buildAreaIndex } from '../analysis/area-index.js';
import type { Facility, FacilityLevel } from '../domain/types.js';
import { matchColumns, type FieldSpec } from './columns.js';
import { readLocation } from './location.js';
import type { Table } from './read-table.js';
import { IssueList } from './report.js';
import { isBlank, parseBoolean, parseNonNegativeInt, text } from './values.js';
import type { ParseOptions, ParseResult } from './parse-types.js';
import { about, EMPTY_NAME, FIELD, missingColumn, msg, repeated } from './messages.js';

export const FACILITY_FIELDS: readonly FieldSpec[] = [
  { field: 'id', names: ['id', 'objectid', 'kode_puskesmas', 'kode', 'fid', '__featureId'], required: false },
  { field: 'name', names: ['nama', 'name', 'namobj', 'nama_puskesmas', 'puskesmas'], required: true },
  { field: 'level', names: ['tipe', 'level', 'jenis', 'remark'], required: false },
  { field: 'lat', names: ['lat', 'latitude', 'lintang', 'y'], required: false, exactOnly: true },
  { field: 'lng', names: ['lon', 'lng', 'long', 'longitude', 'bujur', 'x'], required: false, exactOnly: true },
  { field: 'rehab', names: ['rehab', 'ipwl', 'rehabilitasi'], required: false },
  { field: 'capacity', names: ['capacity', 'kapasitas', 'capacity_per_month', 'kapasitas_bulan'], required: false },
  { field: 'builtYear', names: ['built_year', 'tahun_dibangun', 'tahun_berdiri'], required: false },
];

export const normaliseName = (s: string): string =>
  s
    .toLowerCase()
    .replace(/puskesmas|kelurahan|kecamatan|\bpkm\b|\bpkc\b|\bpkl\b/g, '')
    .replace(/\b(i|ii|iii|iv|v|vi)\b/g, '')
    .replace(/[^a-z0-9]/g, '');

function levelOf(raw: string, name: string): FacilityLevel | null {
  const s = `${raw} ${name}`.toLowerCase();
  if (s.includes('kecamatan') || /\bpkc\b/.test(s)) return 'kecamatan';
  if (s.includes('kelurahan') || /\bpkl\b/.test(s)) return 'kelurahan';
  return null;
}

export function parseFacilities(table: Table, opts: ParseOptions): ParseResult<Facility> {
  const issues = new IssueList();
  const cols = matchColumns(table.columns, FACILITY_FIELDS, opts.mapping);
  for (const m of cols.missing) issues.error(0, 'missing_column', missingColumn(m.field, m.names), m.field);
  if (!table.hasGeometry && (cols.used.lat === undefined || cols.used.lng === undefined)) {
    issues.error(
      0,
      'missing_column',
      msg(
        'No latitude/longitude columns; expected columns named like lat/latitude and lon/lng/longitude, or a WKT column named wkt/geometry',
        'Tidak ada kolom lintang/bujur; seharusnya ada kolom bernama seperti lat/latitude dan lon/lng/longitude, atau kolom WKT bernama wkt/geometry',
      ),
    );
  }
  if (issues.errorCount > 0) return { records: [], issues, used: cols.used, ignored: cols.ignored };

  const index = buildAreaIndex(opts.kelurahan.map((k) => ({ key: k.code, geometry: k.geometry })));
  const byName = new Map<string, string[]>();
  for (const k of opts.kelurahan) byName.set(normaliseName(k.name), [...(byName.get(normaliseName(k.name)) ?? []), k.code]);
  const kecByName = new Map<string, string>();
  for (const [code, name] of opts.kecamatanNames) kecByName.set(normaliseName(name), code);

  const seen = new Map<string, number>();
  const records: Facility[] = [];
  for (const r of table.rows) {
    const name = text(r.props[cols.used.name]);
    const rawId = cols.used.id !== undefined ? text(r.props[cols.used.id]) : '';
    const id = rawId !== '' ? rawId : `${opts.source}#${r.row}`;
    const rowIssues = issues.errorCount;
    if (name === '') issues.error(r.row, 'missing_value', EMPTY_NAME, 'name');
    if (seen.has(id)) issues.error(r.row, 'duplicate_id', repeated(FIELD.id, id, seen.get(id)), 'id');
    seen.set(id, seen.get(id) ?? r.row);
    const level = levelOf(cols.used.level !== undefined ? text(r.props[cols.used.level]) : '', name);
    if (level === null)
      issues.error(
        r.row,
        'invalid_level',
        msg(
          `cannot tell whether "${name}" is a kecamatan or kelurahan puskesmas; add a level column (kecamatan/kelurahan)`,
          `tidak dapat dipastikan apakah "${name}" puskesmas kecamatan atau kelurahan; tambahkan kolom level (kecamatan/kelurahan)`,
        ),
        'level',
      );
    const loc = readLocation(r, cols.used.lat, cols.used.lng);
    if (!loc.ok) issues.error(r.row, 'invalid_coordinates', loc.message, 'location');
    else if (loc.value === null)
      issues.error(r.row, 'missing_value', msg('has no location (no Point geometry and no latitude/longitude)', 'tidak punya lokasi (tidak ada geometri Point maupun lintang/bujur)'), 'location');
    const rehab = cols.used.rehab !== undefined ? parseBoolean(r.props[cols.used.rehab]) : { ok: true as const, value: false };
    if (!rehab.ok) issues.error(r.row, 'invalid_value', about(FIELD.rehab, rehab.message), 'rehab');
    const capRaw = cols.used.capacity !== undefined ? r.props[cols.used.capacity] : undefined;
    const capacity = isBlank(capRaw) ? { ok: true as const, value: null } : parseNonNegativeInt(capRaw);
    if (!capacity.ok) issues.error(r.row, 'invalid_number', about(FIELD.capacity, capacity.message), 'capacity');
    const yearRaw = cols.used.builtYear !== undefined ? r.props[cols.used.builtYear] : undefined;
    const built = isBlank(yearRaw) ? { ok: true as const, value: null } : parseNonNegativeInt(yearRaw);
    if (!built.ok) issues.error(r.row, 'invalid_number', about(FIELD.builtYear, built.message), 'builtYear');
    if (issues.errorCount > rowIssues || !loc.ok || loc.value === null || level === null || !rehab.ok || !capacity.ok || !built.ok) continue;

    const pip = index.assign(loc.value, 1);
    const sameName = byName.get(normaliseName(name)) ?? [];
    let areaCode: string | null = pip;
    if (level === 'kelurahan' && sameName.length > 0) {
      areaCode = sameName.length === 1 ? sameName[0] : (sameName.find((c) => pip !== null && c.slice(0, 8) === pip.slice(0, 8)) ?? sameName[0]);
    } else if (level === 'kecamatan') {
      const kec = kecByName.get(normaliseName(name));
      if (kec !== undefined && (pip === null || !pip.startsWith(`${kec}.`))) areaCode = opts.kelurahan.find((k) => k.code.startsWith(`${kec}.`))?.code ?? pip;
    }
    if (areaCode === null)
      issues.warn(
        r.row,
        'outside_areas',
        msg(`"${name}" lies outside every kelurahan boundary and its name matches none`, `"${name}" berada di luar semua batas kelurahan dan namanya tidak cocok dengan satu pun`),
        'location',
      );
    records.push({
      id,
      name,
      level,
      areaCode,
      location: loc.value,
      rehab: rehab.value,
      capacityPerMonth: capacity.value,
      builtYear: built.value,
      source: opts.source,
      approximate: false,
      synthetic: false,
    });
  }
  return { records, issues, used: cols.used, ignored: cols.ignored };
}
