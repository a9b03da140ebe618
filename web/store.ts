// The one zustand store of the client, composed from the view, data, UI, coverage and focus-edit slices.
import { createStore, useStore } from 'zustand';
import { createCoverageSlice } from './state/coverage-slice';
import { createDataSlice } from './state/data-slice';
import { createFocusEditSlice } from './state/focus-edit-slice';
import type { RawanState } from './state/rawan-state';
import { createUiSlice } from './state/ui-slice';
import { createViewSlice } from './state/view-slice';
import type { ViewState } from './view-state';

export type { RawanState };

export function createRawanStore(initial: ViewState) {
  return createStore<RawanState>()((...a) => ({
    ...createViewSlice(initial)(...a),
    ...createDataSlice(...a),
    ...createUiSlice(...a),
    ...createCoverageSlice(...a),
    ...createFocusEditSlice(...a),
  }));
}

export type RawanStore = ReturnType<typeof createRawanStore>;

let instance: RawanStore | null = null;

/** The app's store, created once from the URL the page was opened with. */
export function initStore(initial: ViewState): RawanStore {
  instance ??= createRawanStore(initial);
  return instance;
}

export function rawanStore(): RawanStore {
  if (!instance) throw new Error('The store is used before initStore() ran (main.tsx creates it from the URL).');
  return instance;
}

export function useRawan<T>(selector: (s: RawanState) => T): T {
  return useStore(rawanStore(), selector);
}
