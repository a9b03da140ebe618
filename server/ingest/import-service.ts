// Validates import files against what the store will hold once they are applied, then writes all of them or none.
// Event CSVs are streamed: read, validated, placed and written batch by batch in the same single transaction.
import { basename } from 'node:path';
import type { Area } from '../domain/types.js';
import type { Store, StoreWrite } from '../store/store.js';
import { newImportId } from '../store/import-records.js';
import { createAreaPlacer, createEventPlacer } from './event-placer.js';
import { IMPORT_KINDS, itemBytes, itemHead, itemSize, type ImportItem, type ImportKind } from './import-files.js';
import { parseBoundaries } from './parse-boundaries.js';
import { parseEvents } from './parse-events.js';
import { parseFacilities } from './parse-facilities.js';
import { parsePopulation } from './parse-population.js';
import type { ParseOptions, ParseResult } from './parse-types.js';
import { readTable, sniffFormat, UnreadableFileError } from './read-table.js';
import { msg, type Msg } from './messages.js';
import { buildReport, IssueList, NO_ROWS, type ImportReport } from './report.js';
import { streamEventFiles, type StreamedFile } from './import-stream.js';

export { IMPORT_KINDS, type ImportItem, type ImportKind };

export interface ImportOptions {
  dryRun: boolean;
  mapping?: Readonly<Record<string, string>>;
  year?: number;
  source?: string;
  today?: string;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Event CSVs from this size are read in a worker thread (import-stream.ts THREAD_MIN_BYTES; tests lower it). */
  threadFromBytes?: number;
  /** The id the import is stored under (default: a new one from newImportId). */
  importId?: string;
  /** Who imports (a username; null or absent from the command line). */
  by?: string | null;
  /** Called as the import moves on: reading and validating each file, then writing. */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  phase: 'validating' | 'writing' | 'done';
  file: string | null;
  fileIndex: number;
  files: number;
  /** Records about to be written (phase 'writing'), written so far while a CSV streams in, or written ('done'). */
  records?: number;
  /** Rows of a streamed event CSV read so far (validated, and written when the phase is 'writing'). */
  rows?: number;
}

export interface ImportOutcome {
  ok: boolean;
  written: boolean;
  /** The stored import's id, once written: GET /api/imports lists it and it can be rolled back as a whole. */
  importId?: string;
  reports: ImportReport[];
}

type KelurahanLike = Pick<Area, 'code' | 'name' | 'parentCode' | 'geometry'>;

function yearFromName(name: string): number | undefined {
  const m = /(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)/.exec(name);
  return m ? Number(m[1]) : undefined;
}

export async function runImport(store: Store, items: readonly ImportItem[], opts: ImportOptions): Promise<ImportOutcome> {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const importId = opts.importId ?? newImportId();
  let kelurahan: KelurahanLike[] = await store.listAreas('kelurahan');
  const kecamatanNames = new Map((await store.listAreas('kecamatan')).map((k) => [k.code, k.name]));
  const focusAreas = await store.listFocusAreas();
  const writes: StoreWrite[] = [];
  const reports: ImportReport[] = [];
  const streamed: StreamedFile[] = [];
  let boundariesChanged = false;

  for (const [fileIndex, item] of items.entries()) {
    opts.onProgress?.({ phase: 'validating', file: item.fileName, fileIndex, files: items.length });
    const source = opts.source ?? basename(item.fileName);
    const base: ParseOptions = { mapping: opts.mapping ?? {}, source, today, kelurahan, kecamatanNames, year: opts.year ?? yearFromName(item.fileName) };
    const fail = (code: string, message: Msg) => {
      const issues = new IssueList();
      issues.error(0, code, message);
      reports.push(
        buildReport({ kind: item.kind, file: item.fileName, format: 'unknown', rows: 0, issues, used: {}, ignored: [], dryRun: opts.dryRun, written: false }),
      );
    };
    const size = itemSize(item);
    if (size > opts.maxBytes) {
      fail(
        'file_too_large',
        msg(
          `The file is ${(size / 1e6).toFixed(1)} MB; the limit is ${(opts.maxBytes / 1e6).toFixed(0)} MB (RAWAN_MAX_IMPORT_MB). Split it into smaller files.`,
          `Berkas ini ${(size / 1e6).toFixed(1)} MB; batasnya ${(opts.maxBytes / 1e6).toFixed(0)} MB (RAWAN_MAX_IMPORT_MB). Pecah menjadi beberapa berkas yang lebih kecil.`,
        ),
      );
      continue;
    }
    if (item.kind === 'events' && sniffFormat(item.fileName, itemHead(item)) === 'csv') {
      // Read later, in pieces, once the kelurahan this import leaves are known; its report takes this place.
      streamed.push({ item, fileIndex, reportIndex: reports.length, base });
      reports.push(buildReport({ kind: item.kind, file: item.fileName, format: 'csv', rows: 0, issues: new IssueList(), used: {}, ignored: [], dryRun: opts.dryRun, written: false }));
      continue;
    }
    let table;
    try {
      table = await readTable(item.fileName, itemBytes(item));
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      fail('unreadable_file', e.msg);
      continue;
    }
    let result: ParseResult<unknown>;
    if (item.kind === 'boundaries') {
      const r = parseBoundaries(table, base);
      result = r;
      for (const a of r.records) if (a.level === 'kecamatan') kecamatanNames.set(a.code, a.name);
      const imported = r.records.filter((a) => a.level === 'kelurahan');
      if (imported.length > 0) {
        const byCode = new Map(kelurahan.map((k) => [k.code, k]));
        for (const k of imported) byCode.set(k.code, k);
        kelurahan = [...byCode.values()];
        boundariesChanged = true;
      }
      writes.push({ kind: 'areas', areas: r.records, importId });
    } else if (item.kind === 'facilities') {
      const r = parseFacilities(table, { ...base, kelurahan });
      result = r;
      writes.push({ kind: 'facilities', facilities: r.records, replaceSynthetic: true, importId });
    } else if (item.kind === 'population') {
      const r = parsePopulation(table, { ...base, kelurahan });
      result = r;
      writes.push({ kind: 'population', rows: r.records, importId });
    } else {
      const r = parseEvents(table, { ...base, kelurahan, place: createEventPlacer(kelurahan, focusAreas) });
      result = r;
      writes.push({ kind: 'events', events: r.records, importId });
    }
    if (table.rows.length === 0) result.issues.error(0, 'empty_file', NO_ROWS);
    reports.push(
      buildReport({
        kind: item.kind,
        file: item.fileName,
        format: table.format,
        rows: table.rows.length,
        issues: result.issues,
        used: result.used,
        ignored: result.ignored,
        dryRun: opts.dryRun,
        written: false,
        notes: table.notes,
      }),
    );
  }

  const ok = reports.every((r) => r.errors === 0);
  const write = ok && !opts.dryRun;
  if (write && boundariesChanged) {
    const place = createAreaPlacer(kelurahan, focusAreas);
    writes.push({ kind: 'eventAreas', updates: (await store.listEventLocations()).map((e) => ({ id: e.id, ...place(e.location) })) });
  }
  /** The import's own record and the last-import note, written last in the same transaction. */
  const closing = (records: number, rows: readonly number[]): StoreWrite[] => {
    const at = new Date().toISOString();
    const files = items.map((item, i) => ({ kind: item.kind, file: item.fileName, rows: rows[i] ?? 0 }));
    return [
      { kind: 'importRecord', record: { id: importId, at, by: opts.by ?? null, files, records } },
      { kind: 'meta', key: 'last_import', value: JSON.stringify({ at, id: importId, files: files.map(({ kind, file }) => ({ kind, file })) }) },
    ];
  };
  let records = writes.reduce(
    (n, w) => n + ('events' in w ? w.events.length : 'areas' in w ? w.areas.length : 'facilities' in w ? w.facilities.length : 'rows' in w ? w.rows.length : 0),
    0,
  );
  const files = items.length;
  if (streamed.length > 0) {
    const out = await streamEventFiles(store, streamed, {
      write,
      before: writes,
      after: (streamedRecords, streamedRows) => {
        const rows = reports.map((r) => r.rows);
        for (const [i, s] of streamed.entries()) rows[s.reportIndex] = streamedRows[i];
        return closing(records + streamedRecords, rows);
      },
      importId,
      kelurahan,
      focusAreas,
      dryRun: opts.dryRun,
      threadFromBytes: opts.threadFromBytes,
      onProgress: (p) => opts.onProgress?.({ ...p, files, records: p.phase === 'writing' ? records + (p.records ?? 0) : undefined }),
    });
    for (const s of streamed) reports[s.reportIndex] = out.reports[streamed.indexOf(s)];
    const allOk = reports.every((r) => r.errors === 0);
    if (!out.written) return { ok: allOk, written: false, reports };
    records += out.records;
    opts.onProgress?.({ phase: 'done', file: null, fileIndex: files, files, records });
    return { ok: allOk, written: true, importId, reports: reports.map((r) => ({ ...r, written: true })) };
  }
  if (!write) return { ok, written: false, reports };
  opts.onProgress?.({ phase: 'writing', file: null, fileIndex: files, files, records });
  await store.write([...writes, ...closing(records, reports.map((r) => r.rows))]);
  opts.onProgress?.({ phase: 'done', file: null, fileIndex: files, files, records });
  return { ok, written: true, importId, reports: reports.map((r) => ({ ...r, written: true })) };
}
