// Past imports: the files of a stored import shortened for the table, and what a refused rollback answer means.
import { describe, expect, test } from 'vitest';
import { AdminApiError } from '../../web/admin/admin-api';
import { filesSummary, knownKind, rollbackProblem } from '../../web/admin/import-records';

const file = (name: string, rows: number) => ({ kind: 'events' as const, file: name, rows });

describe('filesSummary', () => {
  test('no files: nothing shown, nothing counted', () => {
    expect(filesSummary([])).toEqual({ shown: [], more: 0, moreRows: 0, rows: 0 });
  });

  test('a single file is shown with its rows', () => {
    expect(filesSummary([file('kasus.csv', 5)])).toEqual({ shown: [file('kasus.csv', 5)], more: 0, moreRows: 0, rows: 5 });
  });

  test('one file over the limit is listed rather than counted as "1 more"', () => {
    const files = [file('a.csv', 1), file('b.csv', 2), file('c.csv', 3), file('d.csv', 4)];
    const s = filesSummary(files, 3);
    expect(s.shown.map((f) => f.file)).toEqual(['a.csv', 'b.csv', 'c.csv', 'd.csv']);
    expect([s.more, s.moreRows, s.rows]).toEqual([0, 0, 10]);
  });

  test('more files keep the first three in order and count the rest with their rows', () => {
    // Rows 10 + 20 + 30 shown; 40 + 50 hidden = 90; all = 150.
    const files = [file('a.csv', 10), file('b.csv', 20), file('c.csv', 30), file('d.csv', 40), file('e.csv', 50)];
    const s = filesSummary(files, 3);
    expect(s.shown.map((f) => f.file)).toEqual(['a.csv', 'b.csv', 'c.csv']);
    expect([s.more, s.moreRows, s.rows]).toEqual([2, 90, 150]);
  });

  test('a limit below one still shows one file', () => {
    const s = filesSummary([file('a.csv', 1), file('b.csv', 2), file('c.csv', 3)], 0);
    expect(s.shown.map((f) => f.file)).toEqual(['a.csv']);
    expect([s.more, s.moreRows]).toEqual([2, 5]);
  });

  test('does not hand back the array it was given', () => {
    const files = [file('a.csv', 1)];
    expect(filesSummary(files).shown).not.toBe(files);
  });
});

describe('knownKind', () => {
  test('the four kinds the page names, anything else as null', () => {
    expect(['boundaries', 'facilities', 'population', 'events'].map(knownKind)).toEqual(['boundaries', 'facilities', 'population', 'events']);
    expect(knownKind('focus_areas')).toBeNull();
    expect(knownKind('Events')).toBeNull();
  });
});

describe('rollbackProblem', () => {
  test('a conflict names the later imports once each, in the order the server sent them', () => {
    const err = new AdminApiError(
      409,
      'rollback_conflict',
      'Import imp-20261203T090000-aaaa changed 12 records of this import since. Roll that one back first.',
      [
        { path: 'imp-20261203T090000-aaaa', message: 'changed 10 records' },
        { path: 'imp-20261204T090000-bbbb', message: 'changed 2 records' },
        { path: 'imp-20261203T090000-aaaa', message: 'repeated' },
        { path: ' ', message: 'no id' },
      ],
    );
    expect(rollbackProblem(err)).toEqual({
      kind: 'conflict',
      message: 'Import imp-20261203T090000-aaaa changed 12 records of this import since. Roll that one back first.',
      laterImports: ['imp-20261203T090000-aaaa', 'imp-20261204T090000-bbbb'],
    });
  });

  test('already rolled back, not found and other failures keep the message and name no imports', () => {
    const already = rollbackProblem(new AdminApiError(409, 'already_rolled_back', 'Already rolled back.', [{ path: 'imp-x', message: 'x' }]));
    expect(already).toEqual({ kind: 'already', message: 'Already rolled back.', laterImports: [] });
    expect(rollbackProblem(new AdminApiError(404, 'not_found', 'No import imp-y.')).kind).toBe('gone');
    expect(rollbackProblem(new AdminApiError(404, 'http_404', '404 Not Found')).kind).toBe('gone');
    expect(rollbackProblem(new AdminApiError(0, 'network', 'The server could not be reached.'))).toEqual({
      kind: 'other',
      message: 'The server could not be reached.',
      laterImports: [],
    });
  });
});
