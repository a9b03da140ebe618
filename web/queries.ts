// Derives the server queries a view needs (period, hotspots, events) from the view state; null when the view cannot ask yet.
import type { EmergingQuery, HotspotQuery, PeriodQuery } from './api';
import type { ViewState } from './view-state';

export function periodQueryOf(view: Pick<ViewState, 'from' | 'to' | 'types'>): PeriodQuery | null {
  if (view.from === null || view.to === null || view.types.length === 0) return null;
  return { from: view.from, to: view.to, types: view.types };
}

/** The Gi* or LISA query of the view; null for the emerging view, which asks `emergingQueryOf`. */
export function hotspotQueryOf(view: ViewState): HotspotQuery | null {
  const q = periodQueryOf(view);
  if (!q || view.hotspotMethod === 'emerging') return null;
  return { ...q, resolution: view.resolution, method: view.hotspotMethod, alpha: Math.round(100 - view.confidence) / 100, fdr: view.fdr };
}

export function emergingQueryOf(view: ViewState): EmergingQuery | null {
  const q = periodQueryOf(view);
  if (!q || view.hotspotMethod !== 'emerging') return null;
  return { ...q, resolution: view.resolution, alpha: Math.round(100 - view.confidence) / 100, fdr: view.fdr, slice: view.slice };
}

/** The area key the trend endpoint understands for a selection: a Kemendagri code, a focus id, or all of Jakarta. */
export function trendAreaOf(view: Pick<ViewState, 'selection'>, facilityAreaCode: (id: string) => string | null): string {
  const s = view.selection;
  if (!s) return 'jakarta';
  if (s.kind === 'area') return s.code;
  if (s.kind === 'focus') return s.id;
  return facilityAreaCode(s.id) ?? 'jakarta';
}

/** The admin level a Kemendagri code belongs to, from how many parts it has (31.73 kota, 31.73.07 kecamatan, 31.73.07.1006 kelurahan). */
export function levelOfCode(code: string): 'kota' | 'kecamatan' | 'kelurahan' | null {
  const parts = code.split('.').length;
  return parts === 2 ? 'kota' : parts === 3 ? 'kecamatan' : parts === 4 ? 'kelurahan' : null;
}
