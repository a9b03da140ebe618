// Calendar checks shared by query validation and file import (kept free of zod and the routes, so the import thread
// loads none of them).

/** Whether `s` is a YYYY-MM-DD date that exists on the calendar (no 31 April, no 29 February 2023). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}
