// Starts Rawan: opens the store (loading built-in data when empty), then serves the API and the built client on PORT.
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { serveClient } from './static-client.js';
import { readConfig } from './config.js';
import { ensureDefaultData, openStore } from './store/open-store.js';
import { ensureFirstAdmin } from './auth/first-admin.js';

const config = readConfig();
const store = await openStore(config);
await ensureDefaultData(store, config.seed, (m) => console.log(m));
await ensureFirstAdmin(store, config.adminPassword, (m) => console.log(m));

const app = createApp({ store, config });
if (!serveClient(app, config.clientDir)) {
  console.warn(`No client build in ${config.clientDir}/; run "npm run build" (npm start does it for you). Serving the API only.`);
}

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Rawan listening on http://localhost:${info.port} (store: ${store.kind}, ${config.dbPath})`);
  console.log(
    config.publicViewer
      ? 'Anonymous visitors see the viewer dashboard (RAWAN_PUBLIC_VIEWER=1). Log in (button at top right) as an analyst or admin for point data, imports and users.'
      : 'Log in at the dashboard with a Rawan account; anonymous visitors see only the login screen (set RAWAN_PUBLIC_VIEWER=1 for a public viewer).',
  );
});

function shutdown() {
  server.close();
  void store.close().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
