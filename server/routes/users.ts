// Admin user management: GET/POST /api/users, PATCH /api/users/:id (role, disabled, password); every change audited.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../auth/audit.js';
import { requireRole } from '../auth/middleware.js';
import { hashPassword } from '../auth/password.js';
import { ROLES } from '../auth/roles.js';
import { ConflictError, InvalidBodyError, NotFoundError } from '../errors.js';
import type { AppDeps, AppEnv } from './context.js';
import { validJson } from './validate.js';

const password = z.string().min(10, 'must be at least 10 characters').max(256);
const newUser = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{3,64}$/, 'must be 3–64 letters, digits, dots, dashes or underscores'),
  password,
  role: z.enum(ROLES),
});
const patch = z.object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), password: password.optional() });

const publicUser = (u: { id: string; username: string; role: string; disabled: boolean; createdAt: string; updatedAt: string }) => ({
  id: u.id,
  username: u.username,
  role: u.role,
  disabled: u.disabled,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});

export function userRoutes({ store }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/users', requireRole('admin'), async (c) => c.json({ users: (await store.listUsers()).map(publicUser) }))
    .post('/users', requireRole('admin'), validJson(newUser), async (c) => {
      const body = c.req.valid('json');
      if (await store.findUser({ username: body.username })) throw new ConflictError(`A user named "${body.username}" already exists.`);
      const now = new Date().toISOString();
      const user = {
        id: randomUUID(),
        username: body.username,
        passwordHash: await hashPassword(body.password),
        role: body.role,
        disabled: false,
        createdAt: now,
        updatedAt: now,
      };
      await store.createUser(user);
      await audit(store, c, c.get('principal'), 'user_created', user.username, { role: user.role });
      return c.json({ user: publicUser(user) }, 201);
    })
    .patch('/users/:id', requireRole('admin'), validJson(patch), async (c) => {
      const id = c.req.param('id');
      const body = c.req.valid('json');
      const user = await store.findUser({ id });
      if (!user) throw new NotFoundError(`No user with id ${id}.`);
      const me = c.get('principal');
      if (me?.userId === id && (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))) {
        throw new InvalidBodyError('You cannot disable yourself or remove your own admin role; ask another admin.');
      }
      await store.updateUser(id, {
        role: body.role,
        disabled: body.disabled,
        passwordHash: body.password === undefined ? undefined : await hashPassword(body.password),
      });
      if (body.disabled === true || body.role !== undefined || body.password !== undefined) await store.revokeSessions({ userId: id });
      await audit(store, c, me, 'user_changed', user.username, { role: body.role, disabled: body.disabled, passwordChanged: body.password !== undefined });
      const updated = await store.findUser({ id });
      return c.json({ user: updated ? publicUser(updated) : null });
    });
}
