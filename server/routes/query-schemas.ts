// Zod schemas for query parameters shared by several routes: ISO dates, event types, admin levels, bounding boxes.
import { z } from 'zod';
import { isRealDate } from '../domain/dates.js';
import { AREA_LEVELS, EVENT_TYPES, type EventType } from '../domain/types.js';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date (check the month and day)');

export const eventTypes = z.string().transform((s, ctx): EventType[] => {
  const parts = s
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const known = new Set<string>(EVENT_TYPES);
  const unknown = parts.filter((p) => !known.has(p));
  if (unknown.length > 0 || parts.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message:
        parts.length === 0
          ? `list at least one event type: ${EVENT_TYPES.join(', ')}`
          : `unknown event type ${unknown.map((u) => `"${u}"`).join(', ')}; valid types are ${EVENT_TYPES.join(', ')}`,
    });
    return z.NEVER;
  }
  return EVENT_TYPES.filter((t) => parts.includes(t));
});

export const bbox = z.string().transform((s, ctx): [number, number, number, number] => {
  const parts = s.split(',').map((p) => p.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n))) {
    ctx.addIssue({ code: 'custom', message: 'must be four numbers minLng,minLat,maxLng,maxLat (for example 106.79,-6.20,106.82,-6.18)' });
    return z.NEVER;
  }
  const [minLng, minLat, maxLng, maxLat] = nums;
  if (minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) {
    ctx.addIssue({ code: 'custom', message: 'longitudes must lie in −180..180 and latitudes in −90..90' });
    return z.NEVER;
  }
  if (minLng > maxLng || minLat > maxLat) {
    ctx.addIssue({ code: 'custom', message: 'minLng must not exceed maxLng and minLat must not exceed maxLat' });
    return z.NEVER;
  }
  return [minLng, minLat, maxLng, maxLat];
});

export const adminLevel = z.enum(AREA_LEVELS, { message: `must be one of ${AREA_LEVELS.join(', ')}` });
export const areaLevel = z.enum([...AREA_LEVELS, 'focus'], { message: `must be one of ${[...AREA_LEVELS, 'focus'].join(', ')}` });

export const periodQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), types: eventTypes.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: '"from" must not be later than "to"', path: ['from'] });
