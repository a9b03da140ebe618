// Calendar arithmetic for the period filter: presets ending on the latest data day, single months, month lists.

export type Preset = '3m' | '6m' | '12m';
export const PRESETS: readonly Preset[] = ['3m', '6m', '12m'];
const PRESET_MONTHS: Record<Preset, number> = { '3m': 3, '6m': 6, '12m': 12 };

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM` of the month `offset` months after the given one (negative goes back). */
export function addMonths(month: string, offset: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${pad(days)}`;
}

/** The whole calendar month, first to last day. */
export function monthPeriod(month: string): Period {
  return { from: `${month}-01`, to: lastDayOfMonth(month) };
}

/** The last n whole months ending with the month of `latest`, up to `latest` itself. */
export function presetPeriod(preset: Preset, latest: string): Period {
  const lastMonth = latest.slice(0, 7);
  return { from: `${addMonths(lastMonth, 1 - PRESET_MONTHS[preset])}-01`, to: latest };
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Which preset, single year or single month a period equals, so the controls can show it as chosen. */
export function describePeriod(p: Period, latest: string | null): { preset: Preset | null; year: number | null; month: string | null } {
  const preset = latest === null ? null : (PRESETS.find((k) => {
    const q = presetPeriod(k, latest);
    return q.from === p.from && q.to === p.to;
  }) ?? null);
  const y = Number(p.from.slice(0, 4));
  const year = p.from === `${y}-01-01` && p.to === `${y}-12-31` ? y : null;
  const m = p.from.slice(0, 7);
  const month = p.from === `${m}-01` && p.to === lastDayOfMonth(m) ? m : null;
  return { preset, year, month };
}

/** Every `YYYY-MM` from the first month to the last, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}
