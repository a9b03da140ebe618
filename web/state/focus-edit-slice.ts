// The focus-area editing slice (analysts): the draft being edited, drawing on the map, saving with the version the
// draft started from, deleting, the change history, and refreshing what the dashboard shows of focus areas after.
import type { MultiPolygon, Polygon } from 'geojson';
import type { StateCreator } from 'zustand';
import {
  ApiError,
  createFocusArea,
  deleteFocusArea,
  fetchFocusArea,
  fetchFocusAreaHistory,
  updateFocusArea,
  type FocusAreaHistory,
  type FocusAreaRecord,
} from '../api';
import {
  createBody,
  draftOf,
  emptyDraft,
  MIN_VERTICES,
  updateBody,
  withVertexAdded,
  withVertexInserted,
  withVertexMoved,
  withVertexRemoved,
  type FocusDraft,
  type LngLat,
} from '../focus-edit/draft';
import { boundsOf } from '../geo/shape';
import { periodQueryOf } from '../queries';
import type { RawanState } from './rawan-state';
import type { Resource } from './resource';

export interface FocusEditState {
  draft: FocusDraft | null;
  /** The stored record the draft started from; null for a new focus area. */
  loaded: FocusAreaRecord | null;
  loading: boolean;
  /** Clicks on the map add vertices. */
  drawing: boolean;
  /** The vertex chosen on the map (to delete it). */
  vertex: number | null;
  status: 'idle' | 'saving' | 'saved' | 'deleted' | 'error';
  /** The server's message when a save was refused (or a load failed). */
  message: string | null;
  /** The save was refused because someone saved a newer version first. */
  conflict: boolean;
  history: Resource<FocusAreaHistory> | null;
  /** An earlier outline from the history, drawn beside the draft. */
  ghost: Polygon | MultiPolygon | null;
}

export interface FocusEditSlice {
  focusEdit: FocusEditState;
  openFocusEdit: (id: string) => void;
  newFocusDraft: () => void;
  setFocusDraft: (patch: Partial<Pick<FocusDraft, 'name' | 'aliases' | 'notes'>>) => void;
  startFocusRedraw: () => void;
  finishFocusDrawing: () => void;
  addFocusVertex: (p: LngLat) => void;
  insertFocusVertex: (after: number, p: LngLat) => void;
  moveFocusVertex: (index: number, p: LngLat) => void;
  removeFocusVertex: (index: number) => void;
  selectFocusVertex: (index: number | null) => void;
  discardFocusEdit: () => void;
  saveFocusEdit: () => Promise<boolean>;
  deleteFocusEdit: () => Promise<boolean>;
  loadFocusHistory: (id: string) => void;
  showFocusGhost: (geometry: Polygon | MultiPolygon | null) => void;
}

const INITIAL: FocusEditState = {
  draft: null,
  loaded: null,
  loading: false,
  drawing: false,
  vertex: null,
  status: 'idle',
  message: null,
  conflict: false,
  history: null,
  ghost: null,
};

const messageOf = (err: unknown) => (err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err));

export const createFocusEditSlice: StateCreator<RawanState, [], [], FocusEditSlice> = (set, get) => {
  const patch = (p: Partial<FocusEditState>) => set((s) => ({ focusEdit: { ...s.focusEdit, ...p } }));
  const editDraft = (f: (d: FocusDraft) => FocusDraft) =>
    set((s) => (s.focusEdit.draft ? { focusEdit: { ...s.focusEdit, draft: f(s.focusEdit.draft), status: 'idle' } } : {}));

  /** Every focus-area answer the dashboard holds is now stale: drop them and load the ones on screen again. */
  function refreshFocusData(): void {
    set((s) => {
      const keep = <T>(all: Record<string, T>, drop: (key: string) => boolean) => Object.fromEntries(Object.entries(all).filter(([k]) => !drop(k)));
      return {
        resources: {
          ...s.resources,
          indicators: keep(s.resources.indicators, (k) => k.startsWith('focus|')),
          // A focus area's trend is keyed by its id; kelurahan and kota trends do not change.
          trends: keep(s.resources.trends, (k) => !k.startsWith('31') && !k.startsWith('jakarta|')),
        },
      };
    });
    const { loadAreas, loadIndicators, loadTrend, view } = get();
    loadAreas('focus', true);
    const q = periodQueryOf(view);
    if (q) loadIndicators('focus', q);
    if (q && view.selection?.kind === 'focus') loadTrend(view.selection.id, q);
  }

  function show(record: FocusAreaRecord): void {
    get().flyTo({ kind: 'bounds', bounds: boundsOf(record.geometry), padding: { top: 80, right: 80, bottom: 80, left: 280 } });
  }

  function loadHistory(id: string): void {
    patch({ history: { status: 'loading' } });
    fetchFocusAreaHistory(id).then(
      (data) => patch({ history: { status: 'ready', data } }),
      (err: unknown) =>
        patch({ history: { status: 'error', error: { status: err instanceof ApiError ? err.status : 0, code: 'history', message: messageOf(err) } } }),
    );
  }

  return {
    focusEdit: INITIAL,
    openFocusEdit: (id) => {
      patch({ ...INITIAL, loading: true });
      fetchFocusArea(id).then(
        (record) => {
          patch({ draft: draftOf(record), loaded: record, loading: false });
          show(record);
        },
        (err: unknown) => patch({ loading: false, status: 'error', message: messageOf(err) }),
      );
    },
    newFocusDraft: () => patch({ ...INITIAL, draft: emptyDraft(), drawing: true }),
    setFocusDraft: (p) => editDraft((d) => ({ ...d, ...p })),
    startFocusRedraw: () => {
      editDraft((d) => ({ ...d, ring: [], outlineChanged: true }));
      patch({ drawing: true, vertex: null });
    },
    finishFocusDrawing: () => {
      if ((get().focusEdit.draft?.ring.length ?? 0) >= MIN_VERTICES) patch({ drawing: false });
    },
    addFocusVertex: (p) => editDraft((d) => withVertexAdded(d, p)),
    insertFocusVertex: (after, p) => {
      editDraft((d) => withVertexInserted(d, after, p));
      patch({ vertex: after + 1 });
    },
    moveFocusVertex: (index, p) => editDraft((d) => withVertexMoved(d, index, p)),
    removeFocusVertex: (index) => {
      editDraft((d) => withVertexRemoved(d, index));
      patch({ vertex: null });
    },
    selectFocusVertex: (vertex) => patch({ vertex }),
    discardFocusEdit: () => {
      const loaded = get().focusEdit.loaded;
      patch({ ...INITIAL, draft: loaded ? draftOf(loaded) : null, loaded });
    },
    saveFocusEdit: async () => {
      const { draft, loaded } = get().focusEdit;
      if (!draft) return false;
      patch({ status: 'saving', message: null, conflict: false });
      try {
        const saved =
          draft.id === null || loaded === null ? await createFocusArea(createBody(draft)) : await updateFocusArea(draft.id, updateBody(draft, loaded.version));
        patch({ draft: draftOf(saved.focusArea), loaded: saved.focusArea, status: 'saved', drawing: false, vertex: null, ghost: null });
        refreshFocusData();
        if (get().focusEdit.history !== null) loadHistory(saved.focusArea.id);
        return true;
      } catch (err) {
        patch({ status: 'error', message: messageOf(err), conflict: err instanceof ApiError && err.code === 'stale_version' });
        return false;
      }
    },
    deleteFocusEdit: async () => {
      const { loaded } = get().focusEdit;
      if (!loaded) return false;
      patch({ status: 'saving', message: null, conflict: false });
      try {
        await deleteFocusArea(loaded.id, loaded.version);
        patch({ ...INITIAL, status: 'deleted' });
        const sel = get().view.selection;
        if (sel?.kind === 'focus' && sel.id === loaded.id) get().select(null);
        refreshFocusData();
        return true;
      } catch (err) {
        patch({ status: 'error', message: messageOf(err), conflict: err instanceof ApiError && err.code === 'stale_version' });
        return false;
      }
    },
    loadFocusHistory: loadHistory,
    showFocusGhost: (ghost) => patch({ ghost }),
  };
};
