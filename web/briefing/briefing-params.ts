// Reads the briefing page's URL (`/briefing?area=&from=&to=&lang=id|en&print=1`) into a named record.
import type { Lang } from '../i18n/format';

export interface BriefingParams {
  /** A focus area id, a kota code (31.71 …) or `jakarta`. */
  area: string;
  from: string | null;
  to: string | null;
  lang: Lang;
  /** Rendered for the PDF: no buttons, nothing but the sheets. */
  print: boolean;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseBriefingParams(search: string): BriefingParams {
  const q = new URLSearchParams(search);
  const day = (key: string) => {
    const v = q.get(key);
    return v !== null && ISO_DAY.test(v) ? v : null;
  };
  const area = (q.get('area') ?? '').trim();
  return {
    area: area === '' ? 'jakarta' : area,
    from: day('from'),
    to: day('to'),
    lang: q.get('lang') === 'en' ? 'en' : 'id',
    print: q.get('print') === '1' || q.get('print') === 'true',
  };
}

/** The same briefing in the other language (period and area kept), for the language link on screen. */
export function briefingHref(p: BriefingParams, change: Partial<Pick<BriefingParams, 'lang'>>): string {
  const next = { ...p, ...change };
  const q = new URLSearchParams({ area: next.area });
  if (next.from !== null) q.set('from', next.from);
  if (next.to !== null) q.set('to', next.to);
  q.set('lang', next.lang);
  return `/briefing?${q}`;
}
