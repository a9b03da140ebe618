// GET /api/audit (admin): the append-only audit log, newest first, filtered by action, user and time.
import { Hono } from 'hono';
import { z } from 'zod';
import { requireRole } from '../auth/middleware.js';
import type { AppDeps, AppEnv } from './context.js';
import { isoDate } from './query-schemas.js';
import { validQuery } from './validate.js';

const query = z.object({
  action: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'must be an action name like login_failed')
    .optional(),
  username: z.string().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function auditRoutes({ store }: AppDeps) {
  return new Hono<AppEnv>().get('/audit', requireRole('admin'), validQuery(query), async (c) => {
    const q = c.req.valid('query');
    const toExclusive = q.to === undefined ? undefined : new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000).toISOString();
    const entries = await store.listAudit({ ...q, to: toExclusive });
    return c.json({ entries: entries.map((e) => ({ ...e, details: e.details === null ? null : JSON.parse(e.details) })) });
  });
}
