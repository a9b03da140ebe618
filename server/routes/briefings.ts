// GET /api/briefings/:area (JSON figures and sentences for the briefing page) and GET /api/briefings/:area.pdf
// (that page rendered to A4 landscape in headless Chromium), for viewers and up.
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { requireRole, ownOrigin } from '../auth/middleware.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { audit } from '../auth/audit.js';
import { briefingFor } from '../briefing/briefing-data.js';
import { renderPdf } from '../briefing/render-pdf.js';
import type { AppDeps, AppEnv } from './context.js';
import { cachedJson, createResponseCache } from './cached-json.js';
import { isoDate } from './query-schemas.js';
import { resolvePeriod } from './resolve-period.js';
import { validQuery } from './validate.js';
import { NotFoundError } from '../errors.js';

const AREA = /^(jakarta|[a-z0-9-]+|31\.\d{2})$/;
const query = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), lang: z.enum(['id', 'en'], { message: 'must be id or en' }).default('id') })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: '"from" must not be later than "to"', path: ['from'] });

export function briefingRoutes({ store, config }: AppDeps) {
  const cache = createResponseCache(16 * 1024 * 1024);
  return new Hono<AppEnv>()
    .get('/briefings/:file{[a-z0-9.-]+\\.pdf}', requireRole('viewer'), validQuery(query), async (c) => {
      const area = c.req.param('file').replace(/\.pdf$/, '');
      const q = c.req.valid('query');
      const period = await resolvePeriod(store, q.from, q.to);
      await briefingFor(store, area, { period, lang: q.lang, viewer: true, minCell: config.minCell });
      const params = new URLSearchParams({ area, from: period.from, to: period.to, lang: q.lang, print: '1' });
      const token = getCookie(c, SESSION_COOKIE);
      const pdf = await renderPdf({ url: `${ownOrigin(c)}/briefing?${params}`, cookie: token ? { name: SESSION_COOKIE, value: token } : null });
      await audit(store, c, c.get('principal'), 'briefing_pdf', area, { from: period.from, to: period.to, lang: q.lang });
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="rawan-briefing-${area}-${period.to}-${q.lang}.pdf"`);
      return c.body(new Uint8Array(pdf));
    })
    .get('/briefings/:area', requireRole('viewer'), validQuery(query), async (c) => {
      const area = c.req.param('area');
      const q = c.req.valid('query');
      if (!AREA.test(area)) throw new NotFoundError(`No briefing area "${area}": use jakarta, a focus area id or a kota code like 31.73.`);
      // Saving a plan changes the coverage block: the latest plan is part of the cache key.
      const latestPlan = (await store.listPlans())[0]?.id ?? null;
      return cachedJson(c, store, cache, { area, ...q, latestPlan }, async () => {
        const period = await resolvePeriod(store, q.from, q.to);
        const viewer = c.get('principal')?.role === 'viewer';
        if (area !== 'jakarta') return { ...(await briefingFor(store, area, { period, lang: q.lang, viewer, minCell: config.minCell })), focusAreas: null };
        const city = await briefingFor(store, 'jakarta', { period, lang: q.lang, viewer, minCell: config.minCell });
        const focus = await store.listFocusAreas();
        const focusAreas = [];
        for (const f of focus) focusAreas.push(await briefingFor(store, f.id, { period, lang: q.lang, viewer, minCell: config.minCell }));
        return { ...city, focusAreas };
      });
    });
}
