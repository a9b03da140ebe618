// Turns a population table keyed by Kemendagri kelurahan code into Population records.
import type { Population } from '../domain/types.js';
import { matchColumns, type FieldSpec } from './columns.js';
import type { Table } from './read-table.js';
import { IssueList } from './report.js';
import { isBlank, parseKemendagriCode, parseNonNegativeInt } from './values.js';
import type { ParseOptions, ParseResult } from './parse-types.js';
import { about, FIELD, missingColumn, msg, repeated } from './messages.js';

export const POPULATION_FIELDS: readonly FieldSpec[] = [
  { field: 'code', names: ['kode_kemendagri', 'kode', 'code', 'kode_wilayah', 'kode_kelurahan'], required: true },
  { field: 'population', names: ['population', 'jumlah_penduduk', 'penduduk', 'populasi', 'jumlah penduduk'], required: true },
  { field: 'year', names: ['year', 'tahun'], required: false, exactOnly: true },
];

export function parsePopulation(table: Table, opts: ParseOptions): ParseResult<Population> {
  const issues = new IssueList();
  const cols = matchColumns(table.columns, POPULATION_FIELDS, opts.mapping);
  for (const m of cols.missing) issues.error(0, 'missing_column', missingColumn(m.field, m.names), m.field);
  if (cols.missing.length > 0) return { records: [], issues, used: cols.used, ignored: cols.ignored };
  const known = new Set(opts.kelurahan.map((k) => k.code));
  const seen = new Map<string, number>();
  const records: Population[] = [];
  for (const r of table.rows) {
    const before = issues.errorCount;
    const code = parseKemendagriCode(r.props[cols.used.code]);
    if (!code.ok) issues.error(r.row, 'invalid_code', code.message, 'code');
    else if (!known.has(code.value))
      issues.error(
        r.row,
        'unknown_area_code',
        msg(
          `kelurahan code ${code.value} is not among the stored kelurahan; import boundaries first or correct the code`,
          `kode kelurahan ${code.value} tidak ada di antara kelurahan yang tersimpan; impor batas wilayah dahulu atau perbaiki kodenya`,
        ),
        'code',
      );
    else if (seen.has(code.value)) issues.error(r.row, 'duplicate_id', repeated(FIELD.code, code.value, seen.get(code.value)), 'code');
    if (code.ok) seen.set(code.value, seen.get(code.value) ?? r.row);
    const pop = parseNonNegativeInt(r.props[cols.used.population]);
    if (!pop.ok) issues.error(r.row, 'invalid_number', about(FIELD.population, pop.message), 'population');
    const yearRaw = cols.used.year !== undefined ? r.props[cols.used.year] : undefined;
    const year = isBlank(yearRaw) ? { ok: true as const, value: opts.year ?? null } : parseNonNegativeInt(yearRaw);
    if (!year.ok) issues.error(r.row, 'invalid_number', about(FIELD.year, year.message), 'year');
    if (issues.errorCount > before || !code.ok || !pop.ok || !year.ok) continue;
    records.push({ code: code.value, population: pop.value, year: year.value, source: opts.source, approximate: false });
  }
  if (records.length > 0 && records.length < known.size) {
    issues.warn(
      0,
      'partial_coverage',
      msg(
        `${records.length} of ${known.size} kelurahan have a population; the others will show "no data"`,
        `${records.length} dari ${known.size} kelurahan punya jumlah penduduk; yang lain akan tampil "tidak ada data"`,
      ),
    );
  }
  return { records, issues, used: cols.used, ignored: cols.ignored };
}
