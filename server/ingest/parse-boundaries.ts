// Turns a boundary file (GeoJSON with Kemendagri codes) into Area records, reporting bad rows by number.
import type { Area, AreaLevel } from '../domain/types.js';
import { matchColumns, type FieldSpec } from './columns.js';
import { checkPolygonGeometry, FIX_CROSSING_FILE, type GeometryCheck } from './geometry-checks.js';
import type { Table } from './read-table.js';
import { IssueList } from './report.js';
import { isBlank, parseKemendagriCode, text } from './values.js';
import type { ParseOptions, ParseResult } from './parse-types.js';
import { EMPTY_NAME, FIELD, joined, missingColumn, msg, repeated } from './messages.js';

export const BOUNDARY_FIELDS: readonly FieldSpec[] = [
  { field: 'code', names: ['kode_kemendagri', 'kode', 'code', 'kode_wilayah', 'kd_wilayah'], required: true },
  { field: 'name', names: ['nama', 'name', 'nama_wilayah', 'wadmkd'], required: true },
  { field: 'level', names: ['level', 'tingkat', 'tipe'], required: false },
];

const LEVEL_BY_SEGMENTS: Record<number, AreaLevel | undefined> = { 2: 'kota', 3: 'kecamatan', 4: 'kelurahan' };

function levelFromText(s: string): AreaLevel | null {
  const l = s.toLowerCase();
  if (l.includes('kelurahan') || l === 'desa' || l === 'village') return 'kelurahan';
  if (l.includes('kecamatan') || l === 'district') return 'kecamatan';
  if (l.includes('kota') || l.includes('kab') || l === 'city' || l === 'regency') return 'kota';
  return null;
}

export function parseBoundaries(table: Table, opts: ParseOptions): ParseResult<Area> {
  const issues = new IssueList();
  const cols = matchColumns(table.columns, BOUNDARY_FIELDS, opts.mapping);
  for (const m of cols.missing)
    issues.error(0, 'missing_column', missingColumn(m.field, m.names, true), m.field);
  if (cols.missing.length > 0) return { records: [], issues, used: cols.used, ignored: cols.ignored };
  const seen = new Map<string, number>();
  const records: Area[] = [];
  for (const r of table.rows) {
    const code = parseKemendagriCode(r.props[cols.used.code]);
    const name = text(r.props[cols.used.name]);
    let bad = false;
    if (!code.ok) {
      issues.error(r.row, 'invalid_code', code.message, 'code');
      bad = true;
    } else if (!code.value.startsWith('31')) {
      issues.error(
        r.row,
        'outside_study_area',
        msg(`code ${code.value} is not in DKI Jakarta (codes start with 31)`, `kode ${code.value} tidak di DKI Jakarta (kodenya diawali 31)`),
        'code',
      );
      bad = true;
    } else if (seen.has(code.value)) {
      issues.error(r.row, 'duplicate_id', repeated(FIELD.code, code.value, seen.get(code.value)), 'code');
      bad = true;
    }
    if (name === '') {
      issues.error(r.row, 'missing_value', EMPTY_NAME, 'name');
      bad = true;
    }
    const segments = code.ok ? code.value.split('.').length : 0;
    const declared = cols.used.level !== undefined && !isBlank(r.props[cols.used.level]) ? levelFromText(text(r.props[cols.used.level])) : null;
    const level = LEVEL_BY_SEGMENTS[segments] ?? null;
    if (code.ok && level === null) {
      issues.error(
        r.row,
        'invalid_code',
        msg(`code ${code.value} is a province; import kota, kecamatan or kelurahan`, `kode ${code.value} adalah provinsi; impor kota, kecamatan atau kelurahan`),
        'code',
      );
      bad = true;
    } else if (declared !== null && level !== null && declared !== level) {
      const c = code.ok ? code.value : '';
      issues.error(r.row, 'level_mismatch', msg(`level says ${declared} but code ${c} is a ${level} code`, `level menyebut ${declared} tetapi kode ${c} adalah kode ${level}`), 'level');
      bad = true;
    }
    const geom: GeometryCheck = r.geometryError !== undefined ? { ok: false, message: r.geometryError } : checkPolygonGeometry(r.geometry);
    if (!geom.ok) {
      issues.error(r.row, 'invalid_geometry', geom.crossing ? joined(geom.message, FIX_CROSSING_FILE) : geom.message, 'geometry');
      bad = true;
    } else for (const w of geom.warnings) issues.warn(r.row, 'self_intersection', w, 'geometry');
    if (code.ok) seen.set(code.value, seen.get(code.value) ?? r.row);
    if (bad || !code.ok || !geom.ok || level === null) continue;
    const parts = code.value.split('.');
    records.push({ code: code.value, name, level, parentCode: parts.slice(0, -1).join('.'), geometry: geom.geometry, source: opts.source, approximate: false });
  }
  return { records, issues, used: cols.used, ignored: cols.ignored };
}
