// Cell parsing as Indonesian spreadsheets write values, and column recognition.
import { describe, expect, it } from 'vitest';
import { matchColumns, parseMapping } from '../../../server/ingest/columns.js';
import { checkLngLat, parseDate, parseKemendagriCode, parseNumber } from '../../../server/ingest/values.js';

describe('parseNumber', () => {
  it.each([
    ['106.8272', 106.8272],
    ['106,8272', 106.8272],
    ['-6,2', -6.2],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    [' 42 ', 42],
    [7, 7],
  ])('%s → %d', (input, out) => {
    const r = parseNumber(input);
    expect(r.ok && r.value).toBe(out);
  });
  it.each(['', 'abc', '1.2.3x', '--1'])('refuses %s', (input) => expect(parseNumber(input).ok).toBe(false));
});

describe('parseDate', () => {
  const today = '2026-11-23';
  it.each([
    ['2025-04-11', '2025-04-11'],
    ['11/04/2025', '2025-04-11'],
    ['1-4-2025', '2025-04-01'],
    ['2025-04-11T08:00:00Z', '2025-04-11'],
  ])('%s → %s', (input, out) => {
    const r = parseDate(input, today);
    expect(r.ok && r.value).toBe(out);
  });
  it('refuses impossible and future dates with a reason', () => {
    const bad = parseDate('2025-02-30', today);
    expect(!bad.ok && bad.message.en).toMatch(/real calendar date/);
    expect(!bad.ok && bad.message.id).toBe('"2025-02-30" bukan tanggal yang ada di kalender');
    const future = parseDate('2027-01-01', today);
    expect(!future.ok && future.message.en).toMatch(/future/);
    expect(!future.ok && future.code).toBe('future_date');
    expect(parseDate('April 2025', today).ok).toBe(false);
  });
});

describe('checkLngLat', () => {
  it('accepts Jakarta and explains swapped, mis-signed and faraway points', () => {
    expect(checkLngLat(106.8, -6.2).ok).toBe(true);
    const swapped = checkLngLat(-6.2, 106.8);
    expect(!swapped.ok && swapped.message.en).toMatch(/swapped/);
    expect(!swapped.ok && swapped.code).toBe('swapped_coordinates');
    expect(!swapped.ok && swapped.message.id).toMatch(/^lintang 106.8 dan bujur -6.2 tampaknya tertukar/);
    const sign = checkLngLat(106.8, 6.2);
    expect(!sign.ok && sign.message.en).toMatch(/wrong sign/);
    expect(!sign.ok && sign.message.id).toMatch(/^tanda lintang 6.2 salah/);
    const far = checkLngLat(110.4, -7.0);
    expect(!far.ok && far.message.en).toMatch(/outside the study area/);
    const range = checkLngLat(500, 10);
    expect(!range.ok && range.message.en).toMatch(/out of range/);
    expect(!range.ok && range.code).toBeUndefined();
  });
});

describe('parseKemendagriCode', () => {
  it('accepts dotted and undotted codes', () => {
    const a = parseKemendagriCode('3173071006');
    expect(a.ok && a.value).toBe('31.73.07.1006');
    const b = parseKemendagriCode('31.73.07');
    expect(b.ok && b.value).toBe('31.73.07');
    expect(parseKemendagriCode('31-73').ok).toBe(false);
  });
});

describe('matchColumns', () => {
  const specs = [
    { field: 'name', names: ['nama', 'name'], required: true },
    { field: 'lat', names: ['lat', 'latitude'], required: true, exactOnly: true },
    { field: 'population', names: ['jumlah_penduduk', 'population'], required: false },
    { field: 'year', names: ['tahun'], required: false, exactOnly: true },
  ];
  it('matches case-insensitively, inside longer headers, and never partially for exact-only fields', () => {
    const m = matchColumns(['Nama Puskesmas', 'LATITUDE', 'jumlah_kk', 'Jumlah Penduduk', 'balita_(0-5_tahun)'], specs);
    expect(m.used).toEqual({ name: 'Nama Puskesmas', lat: 'LATITUDE', population: 'Jumlah Penduduk' });
    expect(m.ignored).toEqual(['jumlah_kk', 'balita_(0-5_tahun)']);
    expect(m.missing).toEqual([]);
  });
  it('honours an explicit mapping and reports missing required fields', () => {
    const m = matchColumns(['PKM', 'koordinat_y'], specs, parseMapping(['name=PKM', 'lat=koordinat_y']));
    expect(m.used).toEqual({ name: 'PKM', lat: 'koordinat_y' });
    const missing = matchColumns(['foo'], specs);
    expect(missing.missing.map((s) => s.field)).toEqual(['name', 'lat']);
  });
});
