// Parses cell values as spreadsheets write them: numbers with decimal commas, ISO and Indonesian dates, booleans, coordinates.
import { isRealDate } from '../domain/dates.js';
import { msg, type Msg } from './messages.js';

/** A failure may name its kind (`code`) where callers report kinds apart (a future date, swapped coordinates). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: Msg; code?: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(en: string, id: string, code?: string): Parsed<T> => ({ ok: false, message: msg(en, id), ...(code === undefined ? {} : { code }) });

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v);
}

/** A plain decimal with a point (as most exports write coordinates): read at once. */
const PLAIN_DECIMAL = /^-?\d{1,15}(\.\d{1,17})?$/;

/** "106,8272" and "1.234,5" (Indonesian) as well as "106.8272" and "1,234.5". */
export function parseNumber(v: unknown): Parsed<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : fail('is not a finite number', 'bukan angka yang terhingga');
  if (typeof v === 'string' && PLAIN_DECIMAL.test(v)) return ok(Number(v));
  let s = text(v).replace(/\s/g, '');
  if (s === '') return fail('is empty', 'kosong');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma > lastDot) s = s.replace(/\./g, '').replace(',', '.');
  else if (lastComma !== -1) s = s.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return fail(`"${text(v)}" is not a number`, `"${text(v)}" bukan angka`);
  return ok(Number(s));
}

export function parseNonNegativeInt(v: unknown): Parsed<number> {
  const n = parseNumber(v);
  if (!n.ok) return n;
  if (!Number.isInteger(n.value) || n.value < 0) return fail(`"${text(v)}" must be a whole number of 0 or more`, `"${text(v)}" harus bilangan bulat 0 atau lebih`);
  return n;
}

/** YYYY-MM-DD, or DD/MM/YYYY and DD-MM-YYYY as Indonesian spreadsheets write them. */
export function parseDate(v: unknown, today: string): Parsed<string> {
  const s = text(v);
  if (s === '') return fail('is empty', 'kosong');
  let iso = s.slice(0, 10);
  const dmy = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s);
  if (dmy) iso = `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || (s.length > 10 && !/^\d{4}-\d{2}-\d{2}[T ]/.test(s) && !dmy)) {
    return fail(`"${s}" is not a date; write YYYY-MM-DD (e.g. 2025-04-11) or DD/MM/YYYY`, `"${s}" bukan tanggal; tulis YYYY-MM-DD (misalnya 2025-04-11) atau DD/MM/YYYY`);
  }
  if (!isRealDate(iso)) return fail(`"${s}" is not a real calendar date`, `"${s}" bukan tanggal yang ada di kalender`);
  if (iso > today) return fail(`${iso} is in the future (today is ${today})`, `${iso} ada di masa depan (hari ini ${today})`, 'future_date');
  return ok(iso);
}

export function parseBoolean(v: unknown): Parsed<boolean> {
  if (typeof v === 'boolean') return ok(v);
  const s = text(v).toLowerCase();
  if (['1', 'true', 'ya', 'y', 'yes', 'ipwl'].includes(s)) return ok(true);
  if (['0', 'false', 'tidak', 't', 'n', 'no', ''].includes(s)) return ok(false);
  return fail(`"${text(v)}" is not yes/no (use true/false, ya/tidak or 1/0)`, `"${text(v)}" bukan ya/tidak (gunakan true/false, ya/tidak atau 1/0)`);
}

/** Kemendagri codes with dots (31.73.07.1006) or without (3173071006). */
export function parseKemendagriCode(v: unknown): Parsed<string> {
  const s = text(v);
  if (/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(s)) return ok(s);
  const m = /^(\d{2})(\d{2})?(\d{2})?(\d{4})?$/.exec(s);
  if (m && s.length !== 0 && [2, 4, 6, 10].includes(s.length)) return ok([m[1], m[2], m[3], m[4]].filter(Boolean).join('.'));
  return fail(`"${s}" is not a Kemendagri code (like 31.73.07.1006)`, `"${s}" bukan kode Kemendagri (seperti 31.73.07.1006)`);
}

/** Jakarta (with Kepulauan Seribu) lies within this box; the mainland near 106.8 E, 6.2 S. */
export const STUDY_AREA = { minLng: 106.3, minLat: -6.5, maxLng: 107.1, maxLat: -5.1 } as const;

const inStudyArea = (x: number, y: number) => x >= STUDY_AREA.minLng && x <= STUDY_AREA.maxLng && y >= STUDY_AREA.minLat && y <= STUDY_AREA.maxLat;

const swapped = (lng: number, lat: number): Parsed<[number, number]> =>
  fail(
    `latitude ${lat} and longitude ${lng} look swapped (Jakarta is near longitude 106.8, latitude −6.2)`,
    `lintang ${lat} dan bujur ${lng} tampaknya tertukar (Jakarta ada di sekitar bujur 106,8, lintang −6,2)`,
    'swapped_coordinates',
  );

export function checkLngLat(lng: number, lat: number): Parsed<[number, number]> {
  if (!(lng >= -180 && lng <= 180) || !(lat >= -90 && lat <= 90)) {
    if (lat >= -180 && lat <= 180 && lng >= -90 && lng <= 90 && Math.abs(lat) > 90)
      return swapped(lng, lat);
    return fail(
      `coordinates (${lng}, ${lat}) are out of range: longitude must be in −180..180 and latitude in −90..90`,
      `koordinat (${lng}, ${lat}) di luar jangkauan: bujur harus −180..180 dan lintang −90..90`,
    );
  }
  if (!inStudyArea(lng, lat)) {
    if (inStudyArea(lat, lng)) return swapped(lng, lat);
    if (inStudyArea(lng, -lat))
      return fail(
        `latitude ${lat} has the wrong sign: Jakarta lies south of the equator (about −6.2)`,
        `tanda lintang ${lat} salah: Jakarta ada di selatan khatulistiwa (sekitar −6,2)`,
      );
    return fail(
      `point (${lng}, ${lat}) is outside the study area (DKI Jakarta, longitude 106.3..107.1, latitude −6.5..−5.1)`,
      `titik (${lng}, ${lat}) di luar wilayah kajian (DKI Jakarta, bujur 106,3..107,1, lintang −6,5..−5,1)`,
    );
  }
  return ok([lng, lat]);
}
