// The view slice: the URL-backed view state and how each change should enter the browser history.
import type { StateCreator } from 'zustand';
import type { Camera, Selection, ViewState } from '../view-state';
import { DEFAULT_VIEW } from '../view-state';
import type { RawanState } from './rawan-state';

/** push: a new history entry (filters, selection); replace: same entry (map moves, playback); pop: came from history. */
export type HistoryMode = 'push' | 'replace' | 'pop';

export interface ViewSlice {
  view: ViewState;
  historyMode: HistoryMode;
  setView: (patch: Partial<ViewState>, mode?: HistoryMode) => void;
  select: (selection: Selection | null) => void;
  setCamera: (camera: Camera) => void;
  restoreView: (view: ViewState) => void;
}

export function createViewSlice(initial: ViewState = DEFAULT_VIEW): StateCreator<RawanState, [], [], ViewSlice> {
  return (set) => ({
    view: initial,
    historyMode: 'replace',
    setView: (patch, mode = 'push') => set((s) => ({ view: { ...s.view, ...patch }, historyMode: mode })),
    select: (selection) => set((s) => ({ view: { ...s.view, selection }, historyMode: 'push' })),
    setCamera: (camera) => set((s) => ({ view: { ...s.view, camera }, historyMode: 'replace' })),
    restoreView: (view) => set({ view, historyMode: 'pop' }),
  });
}
