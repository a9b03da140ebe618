// Starts Rawan: opens the store (loading built-in data when empty), then serves the API and the built client on PORT.
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { ensureDefaultData, openStore } from './store/open-store.js';

const config = readConfig();
const store = await openStore(config);
await ensureDefaultData(store, config.seed, (m) => console.log(m));

const app = createApp({ store, config });
const clientDir = resolve(config.clientDir);
const indexHtml = join(clientDir, 'index.html');
if (existsSync(indexHtml)) {
  app.use('/*', serveStatic({ root: config.clientDir }));
  // Client-side routes (/, /briefing, …) all load the single-page app.
  app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(readFileSync(indexHtml, 'utf8'))));
} else {
  console.warn(`No client build at ${clientDir}; run "npm run build" (npm start does it for you). Serving the API only.`);
}

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Rawan listening on http://localhost:${info.port} (store: ${store.kind}, ${config.dbPath})`);
});

function shutdown() {
  server.close();
  void store.close().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
