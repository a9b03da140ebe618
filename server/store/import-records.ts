// What the stores keep of each import (who, when, which files) and the errors of rolling one back as a whole.
import { randomBytes } from 'node:crypto';
import type { Area, FocusArea } from '../domain/types.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { strOrNull } from './rows.js';

export interface ImportFileRecord {
  kind: string;
  file: string;
  /** Rows (or features) the file had. */
  rows: number;
}

export interface ImportRecord {
  id: string;
  /** When it was written (ISO time). */
  at: string;
  /** Who imported it (null from the command line). */
  by: string | null;
  files: ImportFileRecord[];
  /** Records written: kelurahan and kecamatan, puskesmas, population rows, events. */
  records: number;
  status: 'applied' | 'rolled_back';
  rolledBackAt: string | null;
  rolledBackBy: string | null;
}

export type NewImportRecord = Pick<ImportRecord, 'id' | 'at' | 'by' | 'files' | 'records'>;

/** A row of either store's imports table. */
export function toImportRecord(r: Record<string, unknown>): ImportRecord {
  return {
    id: String(r.id),
    at: String(r.at),
    by: strOrNull(r.imported_by),
    files: JSON.parse(String(r.files)),
    records: Number(r.records),
    status: r.status === 'rolled_back' ? 'rolled_back' : 'applied',
    rolledBackAt: strOrNull(r.rolled_back_at),
    rolledBackBy: strOrNull(r.rolled_back_by),
  };
}

export interface RollbackResult {
  import: ImportRecord;
  /** Records the import had added, now deleted. */
  removed: number;
  /** Earlier versions of records it had replaced or deleted, now back. */
  restored: number;
  /** Events placed in another kelurahan or focus area once the import's boundaries were gone. */
  replaced: number;
}

/** Where an event lies (kelurahan, focus area) under the given boundaries; the ingest layer's event placer. */
export type PlacerFactory = (
  kelurahan: ReadonlyArray<Pick<Area, 'code' | 'geometry'>>,
  focusAreas: ReadonlyArray<Pick<FocusArea, 'id' | 'geometry'>>,
) => (location: [number, number]) => { areaCode: string | null; focusAreaId: string | null };

/** The tables whose replaced rows an import keeps (population: the population columns of areas). */
export type UndoTable = 'events' | 'facilities' | 'areas' | 'population';

/**
 * A new import id: the UTC time to the second then 6 random hex digits, so ids sort by time, read well in a list and
 * keep each import's event rows together in the import index.
 */
export function newImportId(now = new Date()): string {
  const t = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `imp-${t}-${randomBytes(3).toString('hex')}`;
}

export class ImportNotFoundError extends NotFoundError {
  constructor(id: string) {
    super(`No import "${id}" is stored. GET /api/imports lists them.`);
  }
}

export class AlreadyRolledBackError extends ConflictError {
  override readonly code = 'already_rolled_back';
  constructor(r: ImportRecord) {
    super(`Import ${r.id} was already rolled back${r.rolledBackAt ? ` on ${r.rolledBackAt}` : ''}${r.rolledBackBy ? ` by ${r.rolledBackBy}` : ''}.`);
  }
}

export interface LaterChange {
  importId: string;
  records: number;
}

export class RollbackConflictError extends ConflictError {
  override readonly code = 'rollback_conflict';
  constructor(
    id: string,
    readonly later: LaterChange[],
  ) {
    const list = later.map((l) => `${l.importId} (${l.records} record${l.records === 1 ? '' : 's'})`).join(', ');
    super(
      `Later imports changed records of import ${id} since: ${list}. Roll ${later.length === 1 ? 'that one' : 'those'} back first, newest first; nothing was changed.`,
      later.map((l) => ({ path: l.importId, message: `changed ${l.records} record(s) of ${id}` })),
    );
  }
}
