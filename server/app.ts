// Composes the Hono app: security middleware, API routes under /api, JSON errors in the DESIGN.md format; `AppType` types the client.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { authenticate, refuseCrossSite } from './auth/middleware.js';
import { AnalysisInputError } from './analysis/errors.js';
import { CoverageInputError } from './analysis/coverage-errors.js';
import { ImportRejectedError, PayloadTooLargeError, RawanError, TooManyRequestsError, UnprocessableInputError } from './errors.js';
import { areaRoutes } from './routes/areas.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import type { AppDeps, AppEnv } from './routes/context.js';
import { briefingRoutes } from './routes/briefings.js';
import { coverageAnalysisRoutes } from './routes/coverage-analysis.js';
import { coveragePlanningRoutes } from './routes/coverage-planning.js';
import { eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/exports.js';
import { facilityRoutes } from './routes/facilities.js';
import { focusAreaRoutes } from './routes/focus-areas.js';
import { healthRoutes } from './routes/health.js';
import { hotspotAnalysisRoutes } from './routes/hotspot-analysis.js';
import { hotspotRoutes } from './routes/hotspots.js';
import { importRoutes } from './routes/imports.js';
import { indicatorRoutes } from './routes/indicators.js';
import { trendRoutes } from './routes/trend.js';
import { userRoutes } from './routes/users.js';

/** Bodies larger than this are refused before they are read (imports have their own, larger limit). */
export const JSON_BODY_LIMIT = 10 * 1024 * 1024;

export function createApi(deps: AppDeps) {
  return new Hono<AppEnv>()
    .route('/', healthRoutes(deps))
    .route('/', authRoutes(deps))
    .route('/', userRoutes(deps))
    .route('/', auditRoutes(deps))
    .route('/', areaRoutes(deps))
    .route('/', facilityRoutes(deps))
    .route('/', trendRoutes(deps))
    .route('/', indicatorRoutes(deps))
    .route('/', eventRoutes(deps))
    .route('/', hotspotRoutes(deps))
    .route('/', hotspotAnalysisRoutes(deps))
    .route('/', importRoutes(deps))
    .route('/', coverageAnalysisRoutes(deps))
    .route('/', coveragePlanningRoutes(deps))
    .route('/', briefingRoutes(deps))
    .route('/', exportRoutes(deps))
    .route('/', focusAreaRoutes(deps));
}

function contentSecurityPolicy(basemapStyle: string | undefined) {
  const remote = basemapStyle ? [new URL(basemapStyle).origin] : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...remote],
    fontSrc: ["'self'", 'data:', ...remote],
    connectSrc: ["'self'", ...remote],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  };
}

export function createApp(deps: AppDeps, log: (msg: string, err?: unknown) => void = console.error) {
  const app = new Hono<AppEnv>();
  app.use('*', secureHeaders({ contentSecurityPolicy: contentSecurityPolicy(deps.config.basemapStyle), crossOriginEmbedderPolicy: false }));
  if (deps.config.corsOrigins.length > 0) app.use('/api/*', cors({ origin: deps.config.corsOrigins, credentials: true }));
  app.use('/api/*', authenticate(deps.store, deps.config.publicViewer));
  app.use('/api/*', refuseCrossSite(deps.config.corsOrigins));
  const jsonLimit = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: (c) => {
      const message = `The request body is over ${JSON_BODY_LIMIT / 1024 / 1024} MB. Send less data per request (split the area, or simplify geometries).`;
      // The analysis services' contract answers oversized payloads with 422, like any other input they cannot use.
      if (c.req.path.startsWith('/api/analysis/')) throw new UnprocessableInputError('payload_too_large', message);
      throw new PayloadTooLargeError(message);
    },
  });
  // Uploads have their own, larger limit on the import route.
  app.use('/api/*', (c, next) => (c.req.path === '/api/imports' ? next() : jsonLimit(c, next)));
  const routes = app.route('/api', createApi(deps));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No such endpoint: ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((err, c) => {
    if (err instanceof RawanError) {
      const body: Record<string, unknown> = { code: err.code, message: err.message };
      if (err.details) body.details = err.details;
      if (err instanceof TooManyRequestsError) c.header('Retry-After', String(err.retryAfterS));
      if (err instanceof ImportRejectedError) body.report = err.report;
      return c.json({ error: body }, err.status);
    }
    if (err instanceof AnalysisInputError || err instanceof CoverageInputError) {
      return c.json({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }, 422);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return c.json({ error: { code: 'bad_request', message: err.message || 'The request could not be read.' } }, err.status);
    }
    log(`Unhandled error on ${c.req.method} ${c.req.path}`, err);
    return c.json({ error: { code: 'internal_error', message: 'Something went wrong on our side; it has been logged. Please try again.' } }, 500);
  });
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
