// Composes the Hono app: API routes under /api, JSON errors in the DESIGN.md format; `AppType` types the client.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { RawanError } from './errors.js';
import { areaRoutes } from './routes/areas.js';
import type { AppDeps } from './routes/context.js';
import { eventRoutes } from './routes/events.js';
import { facilityRoutes } from './routes/facilities.js';
import { healthRoutes } from './routes/health.js';
import { indicatorRoutes } from './routes/indicators.js';
import { trendRoutes } from './routes/trend.js';

export function createApi(deps: AppDeps) {
  return new Hono()
    .route('/', healthRoutes(deps))
    .route('/', areaRoutes(deps))
    .route('/', facilityRoutes(deps))
    .route('/', trendRoutes(deps))
    .route('/', indicatorRoutes(deps))
    .route('/', eventRoutes(deps));
}

export function createApp(deps: AppDeps, log: (msg: string, err?: unknown) => void = console.error) {
  const app = new Hono().route('/api', createApi(deps));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No such endpoint: ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((err, c) => {
    if (err instanceof RawanError) {
      const body: Record<string, unknown> = { code: err.code, message: err.message };
      if (err.details) body.details = err.details;
      return c.json({ error: body }, err.status);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return c.json({ error: { code: 'bad_request', message: err.message || 'The request could not be read.' } }, err.status);
    }
    log(`Unhandled error on ${c.req.method} ${c.req.path}`, err);
    return c.json({ error: { code: 'internal_error', message: 'Something went wrong on our side; it has been logged. Please try again.' } }, 500);
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
