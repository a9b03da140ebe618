// The validation report every import produces: per-row issues with a number a person can find in their file, and a summary.

export type Severity = 'error' | 'warning';

export interface ImportIssue {
  /** 1-based: the spreadsheet line for CSV (header = line 1), the feature number for GeoJSON; 0 for the file as a whole. */
  row: number;
  field?: string;
  code: string;
  severity: Severity;
  message: string;
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
  notes: string[];
}

export const ISSUE_LIMIT = 100;

export class IssueList {
  readonly all: ImportIssue[] = [];
  error(row: number, code: string, message: string, field?: string): void {
    this.all.push({ row, code, severity: 'error', message, ...(field === undefined ? {} : { field }) });
  }
  warn(row: number, code: string, message: string, field?: string): void {
    this.all.push({ row, code, severity: 'warning', message, ...(field === undefined ? {} : { field }) });
  }
  get errorCount(): number {
    return this.all.filter((i) => i.severity === 'error').length;
  }
  rowsWithErrors(): Set<number> {
    return new Set(this.all.filter((i) => i.severity === 'error').map((i) => i.row));
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
  notes?: string[];
}): ImportReport {
  const summary: Record<string, number> = {};
  for (const i of args.issues.all) summary[i.code] = (summary[i.code] ?? 0) + 1;
  const bad = args.issues.rowsWithErrors();
  const fileLevel = bad.has(0);
  const rejected = fileLevel ? args.rows : [...bad].filter((r) => r > 0).length;
  return {
    kind: args.kind,
    file: args.file,
    format: args.format,
    rows: args.rows,
    accepted: args.rows - rejected,
    rejected,
    errors: args.issues.errorCount,
    warnings: args.issues.all.length - args.issues.errorCount,
    summary,
    issues: [...args.issues.all].sort((a, b) => a.row - b.row).slice(0, ISSUE_LIMIT),
    columns: { used: args.used, ignored: args.ignored },
    dryRun: args.dryRun,
    written: args.written,
    notes: args.notes ?? [],
  };
}
