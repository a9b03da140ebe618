// The fields each import kind reads (as the server's column specs in server/ingest/parse-*.ts), for the column-mapping selects.
import type { Lang } from '../i18n/format';
import type { ImportKind, ImportReport } from './admin-api';

export interface ImportField {
  field: string;
  required: boolean;
  label: { id: string; en: string };
}

const f = (field: string, required: boolean, id: string, en: string): ImportField => ({ field, required, label: { id, en } });

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  boundaries: [
    f('code', true, 'kode Kemendagri', 'Kemendagri code'),
    f('name', true, 'nama wilayah', 'area name'),
    f('level', false, 'tingkat (kota/kecamatan/kelurahan)', 'level (kota/kecamatan/kelurahan)'),
  ],
  facilities: [
    f('id', false, 'id', 'id'),
    f('name', true, 'nama puskesmas', 'puskesmas name'),
    f('level', false, 'tingkat (kecamatan/kelurahan)', 'level (kecamatan/kelurahan)'),
    f('lat', false, 'lintang', 'latitude'),
    f('lng', false, 'bujur', 'longitude'),
    f('rehab', false, 'layanan rehab (IPWL)', 'rehab (IPWL)'),
    f('capacity', false, 'kapasitas per bulan', 'capacity per month'),
    f('builtYear', false, 'tahun dibangun', 'year built'),
  ],
  population: [
    f('code', true, 'kode Kemendagri', 'Kemendagri code'),
    f('population', true, 'jumlah penduduk', 'population'),
    f('year', false, 'tahun', 'year'),
  ],
  events: [
    f('id', true, 'id kasus', 'case id'),
    f('type', true, 'jenis kejadian', 'event type'),
    f('date', true, 'tanggal', 'date'),
    f('lat', false, 'lintang', 'latitude'),
    f('lng', false, 'bujur', 'longitude'),
    f('areaCode', false, 'kode kelurahan', 'kelurahan code'),
    f('count', false, 'jumlah', 'count'),
  ],
};

/** Fields issues name that are not columns of their own: a row's location (columns or geometry) and its outline. */
const ISSUE_ONLY_FIELDS: Record<string, Record<Lang, string>> = {
  location: { id: 'lokasi', en: 'location' },
  geometry: { id: 'geometri', en: 'geometry' },
};

/** How the report names the field of an issue: the mapping's label where the kind has that field, else the key. */
export function fieldLabel(kind: string, field: string, lang: Lang): string {
  const known = (IMPORT_FIELDS as Record<string, readonly ImportField[] | undefined>)[kind]?.find((f) => f.field === field);
  return (known?.label ?? ISSUE_ONLY_FIELDS[field])?.[lang] ?? field;
}

/** Every column the server found in the file: the ones it used and the ones it ignored, in file order where known. */
export function columnsFound(report: Pick<ImportReport, 'columns'>): string[] {
  const used = Object.values(report.columns.used);
  return [...new Set([...used, ...report.columns.ignored])].filter((c) => c !== '__featureId');
}

/** Rows the report rejects (row 0 is the file as a whole). */
export function errorRowsOf(report: Pick<ImportReport, 'issues'>): Set<number> {
  return new Set(report.issues.filter((i) => i.severity === 'error').map((i) => i.row));
}

/** Identifies what a dry run checked, so Import is only offered for exactly that file and those choices. */
export function runKey(
  kind: ImportKind,
  file: { name: string; size: number; lastModified: number } | null,
  mapping: Readonly<Record<string, string>>,
  year: string,
): string {
  const map = Object.entries(mapping)
    .filter(([, c]) => c !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([kind, file ? [file.name, file.size, file.lastModified] : null, map, kind === 'population' ? year.trim() : '']);
}
