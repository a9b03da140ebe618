// Name search ranking and language-aware number/date formatting.
import { describe, expect, test } from 'vitest';
import { formatDate, formatNumber, formatPercent, translate } from '../../web/i18n/format';
import { searchEntries, type SearchEntry } from '../../web/search-index';
import { niceMax } from '../../web/panels/trend-chart';

const entries: SearchEntry[] = [
  { kind: 'area', key: '1', name: 'Kota Bambu Selatan', also: [], label: '' },
  { kind: 'area', key: '2', name: 'Kota Bambu Utara', also: [], label: '' },
  { kind: 'focus', key: 'kampung-boncos', name: 'Kampung Boncos', also: ['Kampung Kiapang'], label: '' },
  { kind: 'facility', key: 'p', name: 'Puskesmas Kelurahan Kota Bambu Selatan', also: [], label: '' },
];

describe('searchEntries', () => {
  test('prefix matches rank before word and substring matches, ignoring case', () => {
    expect(searchEntries(entries, 'kota bambu s').map((e) => e.key)).toEqual(['1', 'p']);
  });
  test('aliases match', () => {
    expect(searchEntries(entries, 'kiapang').map((e) => e.key)).toEqual(['kampung-boncos']);
  });
  test('blank query finds nothing', () => {
    expect(searchEntries(entries, '  ')).toEqual([]);
  });
});

describe('format', () => {
  test('numbers group thousands the local way', () => {
    expect(formatNumber('id', 7827)).toBe('7.827');
    expect(formatNumber('en', 7827)).toBe('7,827');
    expect(formatNumber('id', 12.345, 1)).toBe('12,3');
  });
  test('percent changes carry their sign', () => {
    expect(formatPercent('en', 24.4)).toBe('+24%');
    expect(formatPercent('en', -5)).toBe('-5%');
  });
  test('dates are calendar days in either language', () => {
    expect(formatDate('en', '2026-10-31')).toBe('31 Oct 2026');
    expect(formatDate('id', '2026-10-31')).toMatch(/^31 Okt 2026$/);
  });
  test('messages are filled in', () => {
    expect(translate('en', 'summary.events', { n: '12' })).toBe('12 events');
    expect(translate('id', 'summary.events', { n: '12' })).toBe('12 kejadian');
  });
  test('axis maxima are 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 7, 12, 480, 730].map(niceMax)).toEqual([1, 1, 10, 20, 500, 1000]);
  });
});
