// Colours of the map: choropleth ramp, hotspot classes, puskesmas and focus areas, as RGBA tuples for deck.gl.
export type Rgba = [number, number, number, number];

/** ColorBrewer OrRd, 5 classes (Brewer & Harrower, colorbrewer2.org). */
export const CHOROPLETH_RAMP: readonly Rgba[] = [
  [254, 240, 217, 255],
  [253, 204, 138, 255],
  [252, 141, 89, 255],
  [227, 74, 51, 255],
  [179, 0, 0, 255],
];
export const NO_DATA: Rgba = [203, 203, 203, 255];

/** The ramp colour for class i of n, spread over the whole ramp when there are fewer than five classes. */
export function rampColor(i: number, n: number): Rgba {
  const last = CHOROPLETH_RAMP.length - 1;
  const index = n <= 1 ? Math.round(last / 2) : Math.round((i * last) / (n - 1));
  return CHOROPLETH_RAMP[Math.min(last, Math.max(0, index))];
}

/** Hot and cold spot colours by confidence, following the usual Gi* map convention (red hot, blue cold). */
export const HOTSPOT_COLORS = {
  hot: { 99: [178, 24, 43, 230], 95: [230, 97, 74, 220], 90: [246, 172, 134, 210] },
  cold: { 99: [33, 102, 172, 230], 95: [92, 155, 204, 220], 90: [166, 204, 228, 210] },
  none: [200, 200, 200, 90],
} as const satisfies { hot: Record<90 | 95 | 99, Rgba>; cold: Record<90 | 95 | 99, Rgba>; none: Rgba };

export const LISA_COLORS = {
  HH: [202, 0, 32, 230],
  LH: [146, 197, 222, 220],
  LL: [5, 113, 176, 230],
  HL: [244, 165, 130, 220],
  none: [200, 200, 200, 90],
} as const satisfies Record<'HH' | 'LH' | 'LL' | 'HL' | 'none', Rgba>;

export const FACILITY_REHAB: Rgba = [0, 121, 107, 255];
export const FACILITY_OTHER: Rgba = [84, 110, 122, 255];
export const FOCUS_LINE: Rgba = [106, 27, 154, 255];
export const FOCUS_FILL: Rgba = [106, 27, 154, 40];
export const SELECTION_LINE: Rgba = [20, 33, 61, 255];
export const AREA_LINE: Rgba = [255, 255, 255, 200];

export function cssColor(c: Rgba | readonly number[]): string {
  const [r, g, b, a = 255] = c;
  return `rgba(${r}, ${g}, ${b}, ${Math.round((a / 255) * 100) / 100})`;
}

/** Emerging hot spot categories (ArcGIS Pro's eight patterns), reds for hot and blues for cold, darkest for the most pressing. */
export const EMERGING_COLORS = {
  new_hot: [103, 0, 13, 235],
  consecutive_hot: [165, 15, 21, 230],
  intensifying_hot: [203, 24, 29, 225],
  persistent_hot: [239, 59, 44, 220],
  diminishing_hot: [251, 106, 74, 215],
  sporadic_hot: [252, 146, 114, 210],
  oscillating_hot: [214, 96, 160, 215],
  historical_hot: [252, 187, 161, 205],
  new_cold: [8, 48, 107, 235],
  consecutive_cold: [8, 81, 156, 230],
  intensifying_cold: [33, 113, 181, 225],
  persistent_cold: [66, 146, 198, 220],
  diminishing_cold: [107, 174, 214, 215],
  sporadic_cold: [158, 202, 225, 210],
  oscillating_cold: [128, 125, 186, 215],
  historical_cold: [198, 219, 239, 205],
} as const satisfies Record<string, Rgba>;

/** Coverage plan drawing: assignment lines, locked lines, unmet demand, and puskesmas rings by role in the plan. */
export const COVERAGE_COLORS = {
  line: [0, 105, 92, 200],
  lockedLine: [123, 31, 162, 230],
  unmetFill: [211, 47, 47, 90],
  unmetLine: [183, 28, 28, 255],
  demand: [255, 255, 255, 240],
  demandLine: [38, 50, 56, 255],
  used: [0, 121, 107, 255],
  proposed: [239, 108, 0, 255],
  excluded: [97, 97, 97, 255],
} as const satisfies Record<string, Rgba>;
