// Shared shapes of the per-kind import parsers.
import type { Area } from '../domain/types.js';
import type { IssueList } from './report.js';

export interface ParseOptions {
  /** Explicit field → column mapping given by the user. */
  mapping: Readonly<Record<string, string>>;
  /** Provenance written on every record: the file name and, when known, the publisher. */
  source: string;
  /** Today's date (YYYY-MM-DD): dates after it are refused. */
  today: string;
  /** The kelurahan that will exist once this import is applied (for codes and point in polygon). */
  kelurahan: readonly Pick<Area, 'code' | 'name' | 'parentCode' | 'geometry'>[];
  /** Kecamatan names by code, to match puskesmas names. */
  kecamatanNames: ReadonlyMap<string, string>;
  year?: number;
  /** About how many rows the file has (its size over a typical row's), so per-row state is sized once. */
  expectedRows?: number;
}

export interface ParseResult<T> {
  records: T[];
  issues: IssueList;
  used: Record<string, string>;
  ignored: string[];
}
