// The shape of the whole client store: the union of its slices.
import type { CoverageSlice } from './coverage-slice';
import type { DataSlice } from './data-slice';
import type { FocusEditSlice } from './focus-edit-slice';
import type { UiSlice } from './ui-slice';
import type { ViewSlice } from './view-slice';

export type RawanState = ViewSlice & DataSlice & UiSlice & CoverageSlice & FocusEditSlice;
