// Language-aware formatting of numbers, dates and months with Intl (id-ID, en-GB) and message interpolation.
import { en } from './en';
import { id, type MessageKey, type Messages } from './id';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

const MESSAGES: Record<Lang, Messages> = { id, en };
const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

export function isLang(s: string): s is Lang {
  return LANGS.some((l) => l === s);
}

export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

/** Looks up a message and fills `{name}` placeholders; unknown placeholders are left visible so they get noticed. */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function formatNumber(lang: Lang, n: number, maxFraction = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: maxFraction }).format(n);
}

export function formatPercent(lang: Lang, pct: number): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(pct / 100);
}

/** Formats an ISO `YYYY-MM-DD` day as a calendar date, independent of the browser's time zone. */
export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** Formats a `YYYY-MM` month, short (`Jan 26`) for axes or long (`Januari 2026`) for headings. */
export function formatMonth(lang: Lang, month: string, style: 'short' | 'long' = 'long'): string {
  const opts: Intl.DateTimeFormatOptions = style === 'short' ? { month: 'short', year: '2-digit', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(LOCALES[lang], opts).format(new Date(`${month}-01T00:00:00Z`));
}
