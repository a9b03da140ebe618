// Row mapping both stores share: the records whose columns read back the same from SQLite and PostgreSQL (text,
// numbers, no booleans), and the small converters the store modules use.
import type { AuditEntry, PlanRecord } from './store.js';

export type Row = Record<string, unknown>;

export const str = (v: unknown): string => String(v);
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function toAudit(r: Row): AuditEntry {
  return {
    seq: Number(r.seq),
    at: str(r.at),
    username: strOrNull(r.username),
    role: strOrNull(r.role),
    action: str(r.action),
    target: strOrNull(r.target),
    details: strOrNull(r.details),
    address: strOrNull(r.address),
  };
}

/** The columns of a plan without its parameters and result, for lists. */
export const PLAN_SUMMARY_COLUMNS = 'id, name, version, summary, created_by, created_at';

export function toPlanSummary(r: Row): Omit<PlanRecord, 'params' | 'result'> {
  return {
    id: str(r.id),
    name: str(r.name),
    version: Number(r.version),
    summary: str(r.summary),
    createdBy: strOrNull(r.created_by),
    createdAt: str(r.created_at),
  };
}

export function toPlan(r: Row): PlanRecord {
  return { ...toPlanSummary(r), params: str(r.params), result: str(r.result) };
}
