// GET /api/indicators: per-area counts by type, rate per 10,000 and change against the previous period of equal length.
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.js';
import { cachedJson, createResponseCache } from './cached-json.js';
import type { AppDeps, AppEnv } from './context.js';
import { indicatorAnswer } from './indicator-answer.js';
import { areaLevel, eventTypes, isoDate } from './query-schemas.js';
import { validQuery } from './validate.js';

export const indicatorQuery = z
  .object({ level: areaLevel.default('kelurahan'), from: isoDate.optional(), to: isoDate.optional(), types: eventTypes.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: '"from" must not be later than "to"', path: ['from'] });

export function indicatorRoutes({ store, config }: AppDeps) {
  const cache = createResponseCache();
  return new Hono<AppEnv>().get('/indicators', requireRole('viewer'), validQuery(indicatorQuery), async (c) => {
    const q = c.req.valid('query');
    return cachedJson(c, store, cache, q, () => indicatorAnswer(store, q, c.get('principal')?.role === 'viewer', config.minCell));
  });
}
