// React hook giving components the current language's translate and format functions.
import { useMemo } from 'react';
import { useRawan } from '../store';
import { formatDate, formatMonth, formatNumber, formatPercent, translate, type Lang } from './format';
import type { MessageKey } from './id';

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  num: (n: number, maxFraction?: number) => string;
  pct: (pct: number) => string;
  date: (iso: string) => string;
  month: (m: string, style?: 'short' | 'long') => string;
}

export function i18nFor(lang: Lang): I18n {
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    num: (n, maxFraction) => formatNumber(lang, n, maxFraction),
    pct: (p) => formatPercent(lang, p),
    date: (iso) => formatDate(lang, iso),
    month: (m, style) => formatMonth(lang, m, style),
  };
}

export function useT(): I18n {
  const lang = useRawan((s) => s.view.lang);
  return useMemo(() => i18nFor(lang), [lang]);
}
