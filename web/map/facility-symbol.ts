// How a puskesmas is drawn: a square for kecamatan level, a circle for kelurahan level, sized by monthly capacity.
// Glyphs drawn by deck.gl's TextLayer need no image loading, so they work offline and under the server's strict CSP.

export const FACILITY_GLYPHS = { kecamatan: '■', kelurahan: '●' } as const;

export function facilityGlyph(level: 'kecamatan' | 'kelurahan'): string {
  return FACILITY_GLYPHS[level];
}

/** Symbol size in pixels grows with the square root of monthly capacity, so its area reads as capacity. */
export function facilitySize(capacityPerMonth: number | null): number {
  if (capacityPerMonth === null || capacityPerMonth <= 0) return 8;
  return Math.min(20, 6 + 1.2 * Math.sqrt(capacityPerMonth));
}

/** Symbols shrink when zoomed out so 260-odd puskesmas do not hide the choropleth beneath them. */
export function facilityScale(zoom: number): number {
  return zoom < 11.5 ? 0.6 : zoom < 13 ? 0.8 : 1;
}
