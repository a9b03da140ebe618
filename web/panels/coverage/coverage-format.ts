// Formatting shared by the coverage panel and its detail sections: clients per month, kilometres, shares and short puskesmas names in the current language.
import { useMemo } from 'react';
import { localeOf } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

export interface CoverageFormat {
  /** Clients per month: one decimal below 10, whole numbers above. */
  clients: (n: number) => string;
  km: (n: number | null) => string;
  /** A share 0..1 as a whole percentage, without a sign. */
  share: (s: number) => string;
}

export function useCoverageFormat(): CoverageFormat {
  const { lang, num } = useT();
  return useMemo(() => {
    const percent = new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 });
    return {
      clients: (n) => num(n, Math.abs(n) < 10 ? 1 : 0),
      km: (n) => (n === null ? '—' : `${num(n, 1)} km`),
      share: (s) => percent.format(s),
    };
  }, [lang, num]);
}

/** A puskesmas name without the word "Puskesmas", for narrow lists where every row would start with it. */
export function shortFacilityName(name: string): string {
  return name.replace(/^Puskesmas\s+/i, '');
}
