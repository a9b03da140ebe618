// Paging backwards through the audit log with `before` (the oldest seq shown), remembering the way back to newer pages.

/** The `before` values of the pages visited: null for the newest page, then the oldest seq of each page before it. */
export type AuditPages = readonly (number | null)[];

export const FIRST_PAGE: AuditPages = [null];

export function currentBefore(pages: AuditPages): number | null {
  return pages[pages.length - 1] ?? null;
}

/** The page after the given entries (newest first), or the same pages when there is nothing older. */
export function olderPage(pages: AuditPages, entries: readonly { seq: number }[]): AuditPages {
  const oldest = entries[entries.length - 1];
  return oldest === undefined ? pages : [...pages, oldest.seq];
}

export function newerPage(pages: AuditPages): AuditPages {
  return pages.length > 1 ? pages.slice(0, -1) : pages;
}

/** A short one-line view of an entry's details for the collapsed row. */
export function detailsSummary(details: unknown, max = 60): string {
  if (details === null || details === undefined) return '';
  const text =
    typeof details === 'object' && !Array.isArray(details)
      ? Object.entries(details)
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
          .join(', ')
      : JSON.stringify(details);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
