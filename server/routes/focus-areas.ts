// Focus-area editing (analyst): GET/PUT/DELETE /api/focus-areas/:id, POST /api/focus-areas and GET .../history.
// Outlines are checked and given their kelurahan here; the store applies each edit, its history entry and the
// re-derived event focus areas in one transaction under optimistic concurrency; every edit is audited.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { checkFocusGeometry } from '../analysis/focus-area-geometry.js';
import { audit } from '../auth/audit.js';
import { requireRole } from '../auth/middleware.js';
import type { AreaGeometry, FocusArea } from '../domain/types.js';
import { ConflictError, NotFoundError, StaleVersionError, UnprocessableInputError } from '../errors.js';
import type { FocusAreaEditResult } from '../store/focus-area-store.js';
import type { Store } from '../store/store.js';
import type { AppDeps, AppEnv } from './context.js';
import { validJson, validQuery } from './validate.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const position = z.array(z.number()).min(2, 'a position is [longitude, latitude]').max(3);
const ring = z.array(position).max(5_001);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(50) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1).max(50)).min(1).max(50) }),
]);
const name = z.string().trim().min(1, 'is required').max(120);
const aliases = z.array(z.string().trim().min(1, 'must not be empty').max(120)).max(20);
const notes = z.string().trim().max(4000);
const slug = z.string().max(64).regex(SLUG, 'must be lower-case letters and digits joined by single hyphens, like kampung-bahari');

const createBody = z.object({ id: slug.optional(), name, aliases: aliases.default([]), notes: notes.default(''), geometry });
const updateBody = z
  .object({
    version: z.number().int().positive('is the version you loaded'),
    name: name.optional(),
    aliases: aliases.optional(),
    notes: notes.optional(),
    geometry: geometry.optional(),
  })
  .refine((b) => b.name !== undefined || b.aliases !== undefined || b.notes !== undefined || b.geometry !== undefined, {
    message: 'send at least one of name, aliases, notes, geometry (with the version you loaded)',
  });
const deleteQuery = z.object({ version: z.coerce.number().int().positive('is the version you loaded') });

const EDITOR_SOURCE = 'Outline drawn in Rawan by an analyst';

/** A slug from a name: "Kampung Boncos / Kiapang" → "kampung-boncos-kiapang". */
export function slugOf(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return s === '' ? 'focus-area' : s;
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

/** A free id for a new focus area: the slug of its name, numbered when taken now or before (history is kept per id). */
async function freeId(store: Store, base: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await store.focusAreaIdTaken(id))) return id;
  }
  throw new ConflictError(`Too many focus areas are named like "${base}"; send an id of your own.`);
}

async function checkedOutline(store: Store, input: z.infer<typeof geometry>): Promise<{ geometry: AreaGeometry; kelurahanCode: string }> {
  const kelurahan = await store.listAreas('kelurahan');
  const check = checkFocusGeometry(input, kelurahan);
  if (!check.ok) throw new UnprocessableInputError('invalid_geometry', check.problem.message, [{ ...check.problem }]);
  return { geometry: check.geometry, kelurahanCode: check.kelurahanCode };
}

function refused(result: Extract<FocusAreaEditResult, { ok: false }>, id: string, sentVersion: number | null): never {
  const cur = result.current;
  if (result.reason === 'missing')
    throw new NotFoundError(`No focus area "${id}": it may have been deleted meanwhile (see GET /api/focus-areas/${id}/history).`);
  if (result.reason === 'exists' || cur === null)
    throw new ConflictError(`A focus area with id "${id}" already exists${cur ? ` ("${cur.name}")` : ''}; choose another id or edit that one.`);
  const by = cur.updatedBy === null ? 'someone else' : cur.updatedBy;
  throw new StaleVersionError(
    `"${cur.name}" was changed by ${by} at ${cur.updatedAt} while you were editing: it is now version ${cur.version}, your edit started from version ${sentVersion}. Nothing was saved. Reload the focus area to see that change, then make your edit again.`,
    [{ field: 'version', message: `current version is ${cur.version}`, currentVersion: cur.version, updatedBy: cur.updatedBy, updatedAt: cur.updatedAt }],
  );
}

export function focusAreaRoutes({ store }: AppDeps) {
  const who = (c: Context<AppEnv>) => c.get('principal');
  return new Hono<AppEnv>()
    .get('/focus-areas/:id', requireRole('analyst'), async (c) => {
      const id = c.req.param('id');
      const found = await store.getFocusArea(id);
      if (!found) throw new NotFoundError(`No focus area "${id}"; the list is GET /api/areas?level=focus.`);
      return c.json({ focusArea: found });
    })
    .get('/focus-areas/:id/history', requireRole('analyst'), async (c) => {
      const id = c.req.param('id');
      const entries = await store.listFocusAreaHistory(id);
      if (entries.length === 0 && !(await store.getFocusArea(id))) throw new NotFoundError(`No focus area "${id}" now or before.`);
      return c.json({ id, entries });
    })
    .post('/focus-areas', requireRole('analyst'), validJson(createBody), async (c) => {
      const b = c.req.valid('json');
      const outline = await checkedOutline(store, b.geometry);
      const id = b.id ?? (await freeId(store, slugOf(b.name)));
      const focusArea: FocusArea = { id, name: b.name, aliases: unique(b.aliases), notes: b.notes, ...outline, source: EDITOR_SOURCE, approximate: true };
      const result = await store.editFocusArea({ action: 'create', focusArea, at: new Date().toISOString(), username: who(c)?.username ?? null });
      if (!result.ok) return refused(result, id, null);
      await audit(store, c, who(c), 'focus_area_created', id, {
        version: result.record?.version,
        kelurahanCode: outline.kelurahanCode,
        eventsReassigned: result.eventsReassigned,
      });
      if (!result.record) throw new NotFoundError(`Focus area "${id}" vanished right after it was created.`);
      return c.json({ focusArea: result.record, changed: result.changed, eventsReassigned: result.eventsReassigned }, 201);
    })
    .put('/focus-areas/:id', requireRole('analyst'), validJson(updateBody), async (c) => {
      const id = c.req.param('id');
      const b = c.req.valid('json');
      const current = await store.getFocusArea(id);
      if (!current) throw new NotFoundError(`No focus area "${id}": it may have been deleted meanwhile (see GET /api/focus-areas/${id}/history).`);
      // Checked against the version read here and again inside the store's transaction.
      if (current.version !== b.version) refused({ ok: false, reason: 'stale', current }, id, b.version);
      const outline = b.geometry ? await checkedOutline(store, b.geometry) : null;
      const focusArea: FocusArea = {
        id,
        name: b.name ?? current.name,
        aliases: b.aliases ? unique(b.aliases) : current.aliases,
        notes: b.notes ?? current.notes,
        geometry: outline?.geometry ?? current.geometry,
        kelurahanCode: outline?.kelurahanCode ?? current.kelurahanCode,
        source: outline ? EDITOR_SOURCE : current.source,
        approximate: outline ? true : current.approximate,
      };
      const result = await store.editFocusArea({
        action: 'update',
        focusArea,
        expectedVersion: b.version,
        at: new Date().toISOString(),
        username: who(c)?.username ?? null,
      });
      if (!result.ok) return refused(result, id, b.version);
      if (result.changed.length > 0) {
        await audit(store, c, who(c), 'focus_area_updated', id, {
          version: result.record?.version,
          changed: result.changed,
          eventsReassigned: result.eventsReassigned,
        });
      }
      if (!result.record) throw new NotFoundError(`Focus area "${id}" vanished during the edit.`);
      return c.json({ focusArea: result.record, changed: result.changed, eventsReassigned: result.eventsReassigned }, 200);
    })
    .delete('/focus-areas/:id', requireRole('analyst'), validQuery(deleteQuery), async (c) => {
      const id = c.req.param('id');
      const { version } = c.req.valid('query');
      const result = await store.editFocusArea({
        action: 'delete',
        id,
        expectedVersion: version,
        at: new Date().toISOString(),
        username: who(c)?.username ?? null,
      });
      if (!result.ok) return refused(result, id, version);
      await audit(store, c, who(c), 'focus_area_deleted', id, { version, eventsReassigned: result.eventsReassigned });
      return c.json({ deleted: id, eventsReassigned: result.eventsReassigned }, 200);
    });
}
