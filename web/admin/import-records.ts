// How the past-imports table shows a stored import: its files cut to a few lines, and what a refused rollback asks of the admin.
import { IMPORT_KINDS, type ImportKind, type ImportRecord } from './admin-api';

type ImportFile = ImportRecord['files'][number];

export interface FilesSummary {
  /** The first files, in the order the import read them. */
  shown: ImportFile[];
  /** How many files are not shown, and their rows. */
  more: number;
  moreRows: number;
  /** Rows over every file. */
  rows: number;
}

/** The files of an import for a table cell: at most `max` of them listed, the rest counted. */
export function filesSummary(files: readonly ImportFile[], max = 3): FilesSummary {
  const limit = Math.max(1, max);
  // Four files would show three and "1 more": listing the fourth takes the same line.
  const shown = files.length <= limit + 1 ? files.slice() : files.slice(0, limit);
  const hidden = files.slice(shown.length);
  const sum = (fs: readonly ImportFile[]) => fs.reduce((n, f) => n + f.rows, 0);
  return { shown, more: hidden.length, moreRows: sum(hidden), rows: sum(files) };
}

/** The kind of a stored file when the admin page knows it (so it can name it), else null: imports written by a newer server may have others. */
export function knownKind(kind: string): ImportKind | null {
  return IMPORT_KINDS.find((k) => k === kind) ?? null;
}

export type RollbackProblemKind = 'conflict' | 'already' | 'gone' | 'other';

export interface RollbackProblem {
  kind: RollbackProblemKind;
  /** The server's own words. */
  message: string;
  /** For a conflict: the later imports (ids) that changed this import's records and must be rolled back first. */
  laterImports: string[];
}

/** Reads a failed POST /api/imports/:id/rollback (409 rollback_conflict or already_rolled_back, 404 not_found, anything else). */
export function rollbackProblem(err: {
  status: number;
  code: string;
  message: string;
  details: readonly { path: string; message: string }[];
}): RollbackProblem {
  const kind: RollbackProblemKind =
    err.code === 'rollback_conflict'
      ? 'conflict'
      : err.code === 'already_rolled_back'
        ? 'already'
        : err.code === 'not_found' || err.status === 404
          ? 'gone'
          : 'other';
  const laterImports = kind === 'conflict' ? [...new Set(err.details.map((d) => d.path.trim()).filter((p) => p !== ''))] : [];
  return { kind, message: err.message, laterImports };
}
