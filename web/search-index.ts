// Name search over kelurahan, kecamatan, focus areas and puskesmas: case- and accent-insensitive, prefix matches first.
export interface SearchEntry {
  kind: 'area' | 'focus' | 'facility';
  key: string;
  name: string;
  /** Extra words that match (aliases, the parent's name) and a short label for the result list. */
  also: string[];
  label: string;
}

export function normalise(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Entries whose name or extra words contain the query; names starting with it rank first, then shorter names. */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const q = normalise(query);
  if (q === '') return [];
  const scored: { e: SearchEntry; score: number }[] = [];
  for (const e of entries) {
    const name = normalise(e.name);
    const words = e.also.map(normalise);
    const score = name.startsWith(q) ? 0 : name.includes(` ${q}`) ? 1 : name.includes(q) ? 2 : words.some((w) => w.includes(q)) ? 3 : -1;
    if (score >= 0) scored.push({ e, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.e.name.length - b.e.name.length || a.e.name.localeCompare(b.e.name))
    .slice(0, limit)
    .map((s) => s.e);
}
