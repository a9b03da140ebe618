// What the stores offer for editing focus areas: versioned records, one edit per transaction, and the edit history.
import type { AreaGeometry, FocusArea } from '../domain/types.js';

/** A stored focus area with its version (1 when first written, +1 on every edit) and who last edited it. */
export interface FocusAreaRecord extends FocusArea {
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** The parts of a focus area an edit can change (kelurahanCode follows the geometry). */
export const FOCUS_AREA_FIELDS = ['name', 'aliases', 'notes', 'geometry', 'kelurahanCode'] as const;
export type FocusAreaField = (typeof FOCUS_AREA_FIELDS)[number];

export interface FocusAreaSnapshot {
  name: string;
  aliases: string[];
  notes: string;
  kelurahanCode: string;
  geometry: AreaGeometry;
  source: string;
  approximate: boolean;
}

export const FOCUS_AREA_ACTIONS = ['created', 'updated', 'deleted'] as const;
export type FocusAreaAction = (typeof FOCUS_AREA_ACTIONS)[number];

/** A stored history action, checked against the known ones. */
export function focusAreaAction(v: unknown): FocusAreaAction {
  const found = FOCUS_AREA_ACTIONS.find((a) => a === v);
  if (found === undefined) throw new Error(`stored focus-area history action "${String(v)}" is not one of ${FOCUS_AREA_ACTIONS.join(', ')}`);
  return found;
}

export interface FocusAreaHistoryEntry {
  seq: number;
  focusAreaId: string;
  /** The version this change produced (a deletion takes the next number too, so versions of an id never repeat). */
  version: number;
  action: FocusAreaAction;
  at: string;
  username: string | null;
  changed: FocusAreaField[];
  /** The focus area before the change (null when created) and after it (null when deleted). */
  previous: FocusAreaSnapshot | null;
  current: FocusAreaSnapshot | null;
}

/** A stored history row (the same columns on both stores) as an entry; outlines and changed fields are JSON text. */
export function historyEntryOf(r: Record<string, unknown>): FocusAreaHistoryEntry {
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.parse(String(v)));
  return {
    seq: Number(r.seq),
    focusAreaId: String(r.focus_area_id),
    version: Number(r.version),
    action: focusAreaAction(r.action),
    at: String(r.at),
    username: text(r.username),
    changed: JSON.parse(String(r.changed)),
    previous: json(r.previous),
    current: json(r.current),
  };
}

interface EditBase {
  at: string;
  username: string | null;
}

export type FocusAreaEdit =
  | (EditBase & { action: 'create'; focusArea: FocusArea })
  | (EditBase & { action: 'update'; focusArea: FocusArea; expectedVersion: number })
  | (EditBase & { action: 'delete'; id: string; expectedVersion: number });

export type FocusAreaEditResult =
  | {
      ok: true;
      /** The stored record after the edit; null after a deletion. */
      record: FocusAreaRecord | null;
      changed: FocusAreaField[];
      /** Events whose derived focus area changed (re-derived for the events within the old and new outlines' boxes). */
      eventsReassigned: number;
    }
  /** exists: create with a taken id; missing: no such focus area; stale: stored version differs from the expected one. */
  | { ok: false; reason: 'exists' | 'missing' | 'stale'; current: FocusAreaRecord | null };

export interface FocusAreaMethods {
  getFocusArea(id: string): Promise<FocusAreaRecord | null>;
  /**
   * Creates, updates or deletes one focus area under optimistic concurrency, appends the history entry, re-derives
   * `focusAreaId` of the events the outline change can affect (keeping the tallies exact) and bumps the data version,
   * all in one transaction; a refused edit changes nothing.
   */
  editFocusArea(edit: FocusAreaEdit): Promise<FocusAreaEditResult>;
  /** Every change of one id, newest first, kept after the focus area is deleted. */
  listFocusAreaHistory(id: string): Promise<FocusAreaHistoryEntry[]>;
  /** Ids ever used (current or deleted), so a new slug never reuses a deleted one's history. */
  focusAreaIdTaken(id: string): Promise<boolean>;
}
