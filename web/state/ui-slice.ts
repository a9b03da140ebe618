// The transient UI slice: things that are not part of a shared link (camera requests, playback, open dialogs, role).
import type { StateCreator } from 'zustand';
import { ApiError, fetchMe, login, logout } from '../api';
import type { RawanState } from './rawan-state';

export type Role = 'viewer' | 'analyst' | 'admin';

/** A one-off request for the map to move; `seq` makes repeated requests for the same target distinct. */
export type CameraRequest =
  | { kind: 'bounds'; bounds: [[number, number], [number, number]]; seq: number; padding?: CameraPadding }
  | { kind: 'point'; center: [number, number]; zoom: number; seq: number };

/** Pixels to keep clear around fitted bounds, e.g. where the legend covers the map. */
export interface CameraPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

type CameraTarget =
  { kind: 'bounds'; bounds: [[number, number], [number, number]]; padding?: CameraPadding } | { kind: 'point'; center: [number, number]; zoom: number };

export interface UiSlice {
  cameraRequest: CameraRequest | null;
  playing: boolean;
  noticeOpen: boolean;
  basemap: 'offline' | 'online' | 'fallback';
  /** The caller's role from /api/auth/me; null while unknown or when a login is needed. The heatmap hides for 'viewer'. */
  role: Role | null;
  /** Counts above 0 and below this are withheld from viewers by the server; shown as "< minCell". */
  minCell: number;
  session: 'unknown' | 'ready' | 'login-required' | 'error';
  username: string | null;
  loginOpen: boolean;
  loadSession: () => void;
  setLoginOpen: (open: boolean) => void;
  signIn: (username: string, password: string) => Promise<string | null>;
  signOut: () => Promise<void>;
  flyTo: (target: CameraTarget) => void;
  setPlaying: (playing: boolean) => void;
  setNoticeOpen: (open: boolean) => void;
  setBasemap: (basemap: UiSlice['basemap']) => void;
}

export const createUiSlice: StateCreator<RawanState, [], [], UiSlice> = (set) => ({
  cameraRequest: null,
  playing: false,
  noticeOpen: false,
  basemap: 'offline',
  role: null,
  minCell: 5,
  session: 'unknown',
  username: null,
  loginOpen: false,
  loadSession: () => {
    fetchMe().then(
      (me) =>
        set(
          me === null
            ? { session: 'login-required', role: null, username: null }
            : { session: 'ready', role: me.role, username: me.user?.username ?? null, minCell: me.minCell },
        ),
      () => set({ session: 'error', role: null }),
    );
  },
  setLoginOpen: (loginOpen) => set({ loginOpen }),
  // A new session changes what the server may show (suppressed counts, points), so the page reloads from its URL.
  signIn: async (username, password) => {
    try {
      await login(username, password);
      window.location.reload();
      return null;
    } catch (err) {
      return err instanceof ApiError ? err.message : String(err);
    }
  },
  signOut: async () => {
    await logout().catch(() => undefined);
    window.location.reload();
  },
  flyTo: (target) => set((s) => ({ cameraRequest: { ...target, seq: (s.cameraRequest?.seq ?? 0) + 1 } })),
  setPlaying: (playing) => set({ playing }),
  setNoticeOpen: (noticeOpen) => set({ noticeOpen }),
  setBasemap: (basemap) => set({ basemap }),
});
