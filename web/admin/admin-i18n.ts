// Language of the admin page: translate with placeholders, numbers, dates and times through the dashboard's Intl helpers.
import { createContext, useContext } from 'react';
import { formatNumber, isLang, localeOf, type Lang } from '../i18n/format';
import { adminEn, adminId, ISSUE_CODE_LABELS, type AdminKey } from './admin-messages';

export interface AdminI18n {
  lang: Lang;
  t: (key: AdminKey, vars?: Record<string, string | number>) => string;
  num: (n: number) => string;
  /** A stored ISO timestamp as local date and time. */
  dateTime: (iso: string) => string;
  bytes: (n: number) => string;
  issueCode: (code: string) => string;
  /** An import issue's message in the page language (the English one where the report has no other). */
  issueMessage: (issue: { message: string; localized?: { id: string } }) => string;
}

export function adminI18n(lang: Lang): AdminI18n {
  const messages = lang === 'en' ? adminEn : adminId;
  const dt = new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return {
    lang,
    t: (key, vars = {}) => messages[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)),
    num: (n) => formatNumber(lang, n),
    dateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dt.format(d);
    },
    bytes: (n) => (n < 1e6 ? `${formatNumber(lang, Math.max(1, Math.round(n / 1e3)))} kB` : `${formatNumber(lang, n / 1e6, 1)} MB`),
    issueCode: (code) => ISSUE_CODE_LABELS[code]?.[lang] ?? code,
    issueMessage: (issue) => (lang === 'id' ? (issue.localized?.id ?? issue.message) : issue.message),
  };
}

/** The page language from `?lang=`, Bahasa Indonesia unless English is asked for. */
export function langFromSearch(search: string): Lang {
  const v = new URLSearchParams(search).get('lang') ?? '';
  return isLang(v) ? v : 'id';
}

export const AdminI18nContext = createContext<AdminI18n>(adminI18n('id'));

export function useAdminT(): AdminI18n {
  return useContext(AdminI18nContext);
}
