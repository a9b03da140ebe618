// Date arithmetic for analysis periods: length in days, the previous period of equal length, month lists.

const DAY_MS = 86_400_000;

export interface Period {
  from: string;
  to: string;
}

export const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function periodDays(p: Period): number {
  return toDay(p.to) - toDay(p.from) + 1;
}

/** The period of the same number of days ending the day before `p` starts. */
export function previousPeriod(p: Period): Period {
  const days = periodDays(p);
  const start = toDay(p.from);
  return { from: fromDay(start - days), to: fromDay(start - 1) };
}

/** The 365 days ending on `to` (a year back, inclusive). */
export function yearEndingOn(to: string): Period {
  return { from: fromDay(toDay(to) - 364), to };
}

/** Every calendar month `YYYY-MM` touched by the period, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let [y, m] = p.from.slice(0, 7).split('-').map(Number);
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return out;
    out.push(key);
    m === 12 ? ((y += 1), (m = 1)) : (m += 1);
  }
}
