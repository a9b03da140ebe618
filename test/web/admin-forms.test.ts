// Pure parts of the admin page: upload fields, column-mapping fields (kept equal to the server's), audit paging, messages.
import { describe, expect, test } from 'vitest';
import { BOUNDARY_FIELDS } from '../../server/ingest/parse-boundaries';
import { EVENT_FIELDS } from '../../server/ingest/parse-events';
import { FACILITY_FIELDS } from '../../server/ingest/parse-facilities';
import { POPULATION_FIELDS } from '../../server/ingest/parse-population';
import { IMPORT_KINDS } from '../../web/admin/admin-api';
import { adminI18n, langFromSearch } from '../../web/admin/admin-i18n';
import { adminEn, adminId } from '../../web/admin/admin-messages';
import { uploadFields } from '../../web/admin/api-upload';
import { currentBefore, detailsSummary, FIRST_PAGE, newerPage, olderPage } from '../../web/admin/audit-paging';
import { columnsFound, errorRowsOf, fieldLabel, IMPORT_FIELDS, runKey } from '../../web/admin/import-fields';

describe('uploadFields', () => {
  test('sends kind, dryRun, one map=field=Column per mapped field, the year only for population, and async', () => {
    expect(uploadFields({ kind: 'events', dryRun: true, mapping: { type: 'Kategori Kasus', lat: '' }, year: '2020' })).toEqual([
      ['kind', 'events'],
      ['dryRun', '1'],
      ['map', 'type=Kategori Kasus'],
      ['async', '1'],
    ]);
    expect(uploadFields({ kind: 'population', dryRun: false, mapping: {}, year: ' 2020 ' })).toEqual([
      ['kind', 'population'],
      ['year', '2020'],
      ['async', '1'],
    ]);
  });
});

describe('import fields', () => {
  test('the mapping selects offer exactly the fields the server reads, with the same required flags', () => {
    const server = { boundaries: BOUNDARY_FIELDS, facilities: FACILITY_FIELDS, population: POPULATION_FIELDS, events: EVENT_FIELDS };
    for (const kind of IMPORT_KINDS) {
      expect(
        IMPORT_FIELDS[kind].map((f) => [f.field, f.required]),
        kind,
      ).toEqual(server[kind].map((s) => [s.field, s.required]));
    }
  });

  test('columns found are the used then the ignored ones, without the internal feature id', () => {
    expect(columnsFound({ columns: { used: { id: '__featureId', name: 'NAMA' }, ignored: ['X', 'NAMA'] } })).toEqual(['NAMA', 'X']);
  });

  test('an issue reads in the page language, in English where a report has no Indonesian message', () => {
    const issue = { message: 'id E1 appears again (first at row 2)', localized: { id: 'id E1 muncul lagi (pertama di baris 2)' } };
    expect(adminI18n('id').issueMessage(issue)).toBe('id E1 muncul lagi (pertama di baris 2)');
    expect(adminI18n('en').issueMessage(issue)).toBe('id E1 appears again (first at row 2)');
    expect(adminI18n('id').issueMessage({ message: 'stored before translation' })).toBe('stored before translation');
  });

  test('an issue names its field as the column mapping does, in the page language', () => {
    expect(fieldLabel('events', 'type', 'id')).toBe('jenis kejadian');
    expect(fieldLabel('events', 'type', 'en')).toBe('event type');
    expect(fieldLabel('facilities', 'builtYear', 'id')).toBe('tahun dibangun');
    expect(fieldLabel('boundaries', 'geometry', 'id')).toBe('geometri');
    expect(fieldLabel('events', 'location', 'en')).toBe('location');
    expect(fieldLabel('events', 'somethingElse', 'id')).toBe('somethingElse');
  });

  test('error rows leave warnings out', () => {
    const issues = [
      { row: 3, code: 'unknown_type', severity: 'error' as const, message: '', localized: { id: '' } },
      { row: 4, code: 'outside_areas', severity: 'warning' as const, message: '', localized: { id: '' } },
    ];
    expect([...errorRowsOf({ issues })]).toEqual([3]);
  });

  test('a run key changes with the file, the kind and the mapping, not with empty mapping entries or a year outside population', () => {
    const file = { name: 'a.csv', size: 10, lastModified: 1 };
    const base = runKey('events', file, {}, '');
    expect(runKey('events', file, { lat: '' }, '2020')).toBe(base);
    expect(runKey('events', file, { lat: 'Y' }, '')).not.toBe(base);
    expect(runKey('facilities', file, {}, '')).not.toBe(base);
    expect(runKey('events', { ...file, lastModified: 2 }, {}, '')).not.toBe(base);
    expect(runKey('population', file, {}, '2020')).not.toBe(runKey('population', file, {}, '2021'));
  });
});

describe('audit paging', () => {
  test('older pages go before the oldest seq shown; newer pages walk back to the newest', () => {
    const p1 = FIRST_PAGE;
    expect(currentBefore(p1)).toBeNull();
    const p2 = olderPage(p1, [{ seq: 90 }, { seq: 41 }]);
    expect(currentBefore(p2)).toBe(41);
    const p3 = olderPage(p2, [{ seq: 40 }, { seq: 7 }]);
    expect(currentBefore(p3)).toBe(7);
    expect(olderPage(p3, [])).toBe(p3);
    expect(currentBefore(newerPage(p3))).toBe(41);
    expect(newerPage(newerPage(newerPage(p3)))).toEqual([null]);
  });

  test('details are summarised on one line and cut to length', () => {
    expect(detailsSummary({ ok: false, rows: 3, role: undefined })).toBe('ok: false, rows: 3');
    expect(detailsSummary(null)).toBe('');
    expect(detailsSummary({ a: 'x'.repeat(100) }, 20)).toHaveLength(20);
  });
});

describe('admin messages', () => {
  test('English has every Indonesian key and no empty message; placeholders match', () => {
    const keys = Object.keys(adminId).sort();
    expect(Object.keys(adminEn).sort()).toEqual(keys);
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    const en = new Map(Object.entries(adminEn));
    for (const [k, id] of Object.entries(adminId)) {
      expect(en.get(k)?.length, k).toBeGreaterThan(0);
      expect(holes(en.get(k) ?? ''), k).toEqual(holes(id));
    }
  });

  test('Bahasa Indonesia is the default; numbers follow the language', () => {
    expect(langFromSearch('')).toBe('id');
    expect(langFromSearch('?lang=en')).toBe('en');
    expect(langFromSearch('?lang=fr')).toBe('id');
    expect(adminI18n('id').num(1234567)).toBe('1.234.567');
    expect(adminI18n('en').num(1234567)).toBe('1,234,567');
    expect(adminI18n('id').t('report.rows')).toBe('Baris');
    expect(adminI18n('en').issueCode('swapped_coordinates')).toBe('latitude/longitude swapped');
    expect(adminI18n('id').issueCode('something_new')).toBe('something_new');
  });
});
