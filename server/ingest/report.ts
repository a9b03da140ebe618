// The validation report every import produces: per-row issues with a number a person can find in their file, and a summary.
import { msg, type Msg } from './messages.js';

export type Severity = 'error' | 'warning';

export interface ImportIssue {
  /** 1-based: the spreadsheet line for CSV (header = line 1), the feature number for GeoJSON; 0 for the file as a whole. */
  row: number;
  field?: string;
  code: string;
  severity: Severity;
  /** In English. */
  message: string;
  /** The message in Indonesian (`id`), for the dashboard in Bahasa Indonesia. */
  localized: { id: string };
}

export interface ImportReport {
  kind: string;
  file: string;
  format: string;
  rows: number;
  accepted: number;
  rejected: number;
  errors: number;
  warnings: number;
  /** Count of issues per issue code. */
  summary: Record<string, number>;
  /** The first ISSUE_LIMIT issues in full. */
  issues: ImportIssue[];
  columns: { used: Record<string, string>; ignored: string[] };
  dryRun: boolean;
  written: boolean;
  /** In English. */
  notes: string[];
  /** The notes in Indonesian (`id`), in the same order. */
  localizedNotes: { id: string[] };
}

export const ISSUE_LIMIT = 100;

export const NO_ROWS = msg('The file has a header but no rows.', 'Berkas ini punya judul kolom tetapi tidak punya baris data.');

/**
 * Issues of one file as they are found. Counts are kept as running totals and only the ISSUE_LIMIT issues with the
 * lowest row numbers are kept in full, so a file of a million bad rows costs a counter, not a million objects.
 */
export class IssueList {
  /** The kept issues, ordered by row (issues of one row in the order they were found). */
  private readonly kept: ImportIssue[] = [];
  private readonly badRows = new Set<number>();
  private errors = 0;
  private warnings = 0;
  readonly summary: Record<string, number> = {};

  error(row: number, code: string, message: Msg, field?: string): void {
    this.errors++;
    this.badRows.add(row);
    this.keep({ row, code, severity: 'error', message: message.en, localized: { id: message.id }, ...(field === undefined ? {} : { field }) });
  }
  warn(row: number, code: string, message: Msg, field?: string): void {
    this.warnings++;
    this.keep({ row, code, severity: 'warning', message: message.en, localized: { id: message.id }, ...(field === undefined ? {} : { field }) });
  }
  private keep(issue: ImportIssue): void {
    this.summary[issue.code] = (this.summary[issue.code] ?? 0) + 1;
    const k = this.kept;
    // Rows mostly arrive in order: a full list drops later rows at once, earlier ones are inserted in place.
    if (k.length >= ISSUE_LIMIT && issue.row >= k[k.length - 1].row) return;
    let at = k.length;
    while (at > 0 && k[at - 1].row > issue.row) at--;
    k.splice(at, 0, issue);
    if (k.length > ISSUE_LIMIT) k.pop();
  }
  get errorCount(): number {
    return this.errors;
  }
  get warningCount(): number {
    return this.warnings;
  }
  /** The ISSUE_LIMIT issues with the lowest row numbers. */
  get first(): readonly ImportIssue[] {
    return this.kept;
  }
  rowsWithErrors(): ReadonlySet<number> {
    return this.badRows;
  }
}

export function buildReport(args: {
  kind: string;
  file: string;
  format: string;
  rows: number;
  issues: IssueList;
  used: Record<string, string>;
  ignored: string[];
  dryRun: boolean;
  written: boolean;
  notes?: Msg[];
}): ImportReport {
  const bad = args.issues.rowsWithErrors();
  const fileLevel = bad.has(0);
  const rejected = fileLevel ? args.rows : bad.size;
  return {
    kind: args.kind,
    file: args.file,
    format: args.format,
    rows: args.rows,
    accepted: args.rows - rejected,
    rejected,
    errors: args.issues.errorCount,
    warnings: args.issues.warningCount,
    summary: { ...args.issues.summary },
    issues: [...args.issues.first],
    columns: { used: args.used, ignored: args.ignored },
    dryRun: args.dryRun,
    written: args.written,
    notes: (args.notes ?? []).map((n) => n.en),
    localizedNotes: { id: (args.notes ?? []).map((n) => n.id) },
  };
}
