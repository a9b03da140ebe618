// Serves the built client from its folder only (no path outside it), with index.html for the app's own routes.
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { AppEnv } from './routes/context.js';

export function serveClient(app: Hono<AppEnv>, dir: string): boolean {
  const root = resolve(dir);
  const indexHtml = join(root, 'index.html');
  if (!existsSync(indexHtml)) return false;
  const rel = relative(process.cwd(), root) || '.';
  app.use('/*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    const decoded = decodeURIComponent(c.req.path);
    if (decoded.includes('..') || decoded.includes('\0')) return c.json({ error: { code: 'not_found', message: 'No such file.' } }, 404);
    return next();
  });
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/*', serveStatic({ root: rel }));
  app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(readFileSync(indexHtml, 'utf8'))));
  return true;
}
