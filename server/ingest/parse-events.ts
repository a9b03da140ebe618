// Turns case-event records (CSV or GeoJSON) into events with a kelurahan, focus area and H3 cell.
import { EVENT_TYPES, type EventType } from '../domain/types.js';
import { matchColumns, type FieldSpec } from './columns.js';
import { IdRows } from './id-rows.js';
import type { EventPlacer } from './event-placer.js';
import { readLocation } from './location.js';
import type { Table, TableRow } from './read-table.js';
import { IssueList } from './report.js';
import { isBlank, parseDate, parseKemendagriCode, parseNonNegativeInt, text } from './values.js';
import type { ParseOptions, ParseResult } from './parse-types.js';
import type { CaseEvent } from '../domain/types.js';
import type { EventCells } from '../store/event-cells.js';
import { about, FIELD, missingColumn, msg, repeated } from './messages.js';

export const EVENT_FIELDS: readonly FieldSpec[] = [
  { field: 'id', names: ['id', 'event_id', 'no_kasus', 'kode_kasus', '__featureId'], required: true },
  { field: 'type', names: ['type', 'jenis', 'event_type', 'kategori'], required: true },
  { field: 'date', names: ['date', 'tanggal', 'tgl'], required: true },
  { field: 'lat', names: ['lat', 'latitude', 'lintang', 'y'], required: false, exactOnly: true },
  { field: 'lng', names: ['lon', 'lng', 'long', 'longitude', 'bujur', 'x'], required: false, exactOnly: true },
  { field: 'areaCode', names: ['kode_kemendagri', 'kode_kelurahan', 'area_code', 'kode'], required: false },
  { field: 'count', names: ['count', 'jumlah'], required: false },
];

/** Indonesian names people use for the five types. */
const TYPE_ALIASES: Record<string, EventType> = {
  pencegahan: 'prevention',
  sosialisasi: 'prevention',
  penyuluhan: 'prevention',
  deteksi_dini: 'early_detection',
  skrining: 'early_detection',
  intelijen: 'early_detection',
  pengguna: 'user_case',
  kasus_pengguna: 'user_case',
  rehabilitasi: 'rehab_intake',
  rehab: 'rehab_intake',
  penangkapan_pengedar: 'dealer_arrest',
  pengedar: 'dealer_arrest',
  penindakan: 'dealer_arrest',
};

export function eventTypeOf(raw: string): EventType | null {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const known: readonly string[] = EVENT_TYPES;
  if (known.includes(key)) return EVENT_TYPES[known.indexOf(key)];
  return TYPE_ALIASES[key] ?? null;
}

export interface EventColumns {
  used: Record<string, string>;
  ignored: string[];
}

/** Finds the event columns among a file's headers, reporting a file-level error (row 0) for each one missing. */
export function matchEventColumns(columns: readonly string[], hasGeometry: boolean, mapping: Readonly<Record<string, string>>, issues: IssueList): EventColumns {
  const cols = matchColumns(columns, EVENT_FIELDS, mapping);
  for (const m of cols.missing) issues.error(0, 'missing_column', missingColumn(m.field, m.names), m.field);
  const hasCoords = hasGeometry || (cols.used.lat !== undefined && cols.used.lng !== undefined);
  if (!hasCoords && cols.used.areaCode === undefined)
    issues.error(
      0,
      'missing_column',
      msg(
        'Events need coordinates (lat/lon columns or Point geometry) or a kelurahan code column (kode_kemendagri)',
        'Kejadian perlu koordinat (kolom lat/lon atau geometri Point) atau kolom kode kelurahan (kode_kemendagri)',
      ),
    );
  return { used: cols.used, ignored: cols.ignored };
}

/** A valid row as an event with its cells (when located): the object createEventRowFiller fills row after row. */
export type ReadEvent = CaseEvent & { cells?: EventCells };

/** Validates one row after another and places the valid ones, each as a new event (null for a row with problems). */
export function createEventRowReader(used: Readonly<Record<string, string>>, opts: ParseOptions & { place: EventPlacer }) {
  const fill = createEventRowFiller(used, opts);
  const e = {} as ReadEvent;
  return (r: TableRow, issues: IssueList): CaseEvent | null => {
    if (!fill(r, issues, e)) return null;
    const out: ReadEvent = { id: e.id, type: e.type, date: e.date, location: e.location, count: e.count, source: e.source, synthetic: false, areaCode: e.areaCode, focusAreaId: e.focusAreaId, h3: e.h3 };
    if (e.cells !== undefined) out.cells = e.cells;
    return out;
  };
}

/**
 * Validates one row after another (ids must not repeat within the file) and places the valid ones: a valid row fills
 * `out` (one object can serve every row: a streamed import of millions of rows makes none per row) and gives true; a
 * row with any problem adds its issues and gives false. The in-memory parser and the streaming import share it.
 */
export function createEventRowFiller(used: Readonly<Record<string, string>>, opts: ParseOptions & { place: EventPlacer }) {
  const kelurahan = new Set(opts.kelurahan.map((k) => k.code));
  const seen = new IdRows(opts.expectedRows);
  // A file holds few distinct dates and type names, read once each.
  const dates = new Map<unknown, ReturnType<typeof parseDate>>();
  const types = new Map<string, EventType | null>();
  return (r: TableRow, issues: IssueList, out: ReadEvent): boolean => {
    const before = issues.errorCount;
    const id = text(r.props[used.id]);
    if (id === '')
      issues.error(
        r.row,
        'missing_value',
        msg('id is empty; every case record needs the id it has in the source system', 'id kosong; setiap catatan kasus perlu id yang dimilikinya di sistem asal'),
        'id',
      );
    else {
      const first = seen.firstRow(id, r.row);
      if (first !== undefined) issues.error(r.row, 'duplicate_id', repeated(FIELD.id, id, first), 'id');
    }
    const rawType = text(r.props[used.type]);
    let type = types.get(rawType);
    if (type === undefined) {
      type = eventTypeOf(rawType);
      if (types.size < 1_000) types.set(rawType, type);
    }
    if (type === null)
      issues.error(
        r.row,
        'unknown_type',
        msg(`event type "${rawType}" is unknown; use one of ${EVENT_TYPES.join(', ')}`, `jenis kejadian "${rawType}" tidak dikenal; gunakan salah satu dari ${EVENT_TYPES.join(', ')}`),
        'type',
      );
    const rawDate = r.props[used.date];
    let date = dates.get(rawDate);
    if (date === undefined) {
      date = parseDate(rawDate, opts.today);
      if (dates.size < 100_000) dates.set(rawDate, date);
    }
    if (!date.ok) issues.error(r.row, date.code ?? 'invalid_date', about(FIELD.date, date.message), 'date');
    const countRaw = used.count !== undefined ? r.props[used.count] : undefined;
    const count = isBlank(countRaw) ? { ok: true as const, value: 1 } : parseNonNegativeInt(countRaw);
    if (!count.ok) issues.error(r.row, 'invalid_number', about(FIELD.count, count.message), 'count');
    const loc = readLocation(r, used.lat, used.lng);
    if (!loc.ok) issues.error(r.row, loc.code ?? 'invalid_coordinates', loc.message, 'location');
    let declared: string | null = null;
    if (used.areaCode !== undefined && !isBlank(r.props[used.areaCode])) {
      const c = parseKemendagriCode(r.props[used.areaCode]);
      if (!c.ok) issues.error(r.row, 'invalid_code', c.message, 'areaCode');
      else if (!kelurahan.has(c.value))
        issues.error(r.row, 'unknown_area_code', msg(`kelurahan code ${c.value} is not among the stored kelurahan`, `kode kelurahan ${c.value} tidak ada di antara kelurahan yang tersimpan`), 'areaCode');
      else declared = c.value;
    }
    if (loc.ok && loc.value === null && declared === null && issues.errorCount === before) {
      issues.error(r.row, 'missing_value', msg('has neither coordinates nor a kelurahan code', 'tidak punya koordinat maupun kode kelurahan'), 'location');
    }
    if (issues.errorCount > before || type === null || !date.ok || !count.ok || !loc.ok) return false;
    const place = opts.place(loc.value, declared, out);
    if (loc.value !== null && place.areaCode === null) {
      const [x, y] = loc.value;
      issues.error(
        r.row,
        'outside_study_area',
        msg(`point (${x}, ${y}) is not within 2 km of any kelurahan of DKI Jakarta`, `titik (${x}, ${y}) tidak berada dalam 2 km dari kelurahan mana pun di DKI Jakarta`),
        'location',
      );
      return false;
    }
    out.id = id;
    out.type = type;
    out.date = date.value;
    out.location = loc.value;
    out.count = count.value;
    out.source = opts.source;
    out.synthetic = false;
    return true;
  };
}

export function parseEvents(table: Table, opts: ParseOptions & { place: EventPlacer }): ParseResult<CaseEvent> {
  const issues = new IssueList();
  const cols = matchEventColumns(table.columns, table.hasGeometry, opts.mapping, issues);
  if (issues.errorCount > 0) return { records: [], issues, used: cols.used, ignored: cols.ignored };
  const read = createEventRowReader(cols.used, opts);
  const records: CaseEvent[] = [];
  for (const r of table.rows) {
    const e = read(r, issues);
    if (e !== null) records.push(e);
  }
  return { records, issues, used: cols.used, ignored: cols.ignored };
}
