// POST /api/imports (admin, multipart: kind, file, dryRun, map, year): validates and writes all or nothing, answering
// the validation report; `GET /api/imports/:id` reports progress of an import started with `async=1`, or the stored
// import; `GET /api/imports` lists stored imports; `POST /api/imports/:id/rollback` undoes one as a whole.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { audit } from '../auth/audit.js';
import { requireRole } from '../auth/middleware.js';
import { ImportRejectedError, InvalidBodyError, NotFoundError, PayloadTooLargeError } from '../errors.js';
import { parseMapping } from '../ingest/columns.js';
import { IMPORT_KINDS, runImport, type ImportKind, type ImportOutcome, type ImportProgress } from '../ingest/import-service.js';
import { rollbackImport } from '../ingest/rollback-import.js';
import { newImportId } from '../store/import-records.js';
import type { AppDeps, AppEnv } from './context.js';
import { validQuery } from './validate.js';

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
/** Import ids as newImportId makes them (and the UUIDs of earlier versions); anything else cannot be stored. */
const importIdPattern = /^[A-Za-z0-9-]{1,64}$/;

interface Job {
  id: string;
  status: 'running' | 'done' | 'refused' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  outcome: ImportOutcome | null;
  error: string | null;
  progress: ImportProgress | null;
}

const field = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);


/** An uploaded file's name as kept with its records and in the audit log: without control characters (PostgreSQL
 * text cannot hold a NUL, and a line break would split a log line), trimmed, never empty. */
function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? 'upload' : clean;
}

export function importRoutes({ store, config }: AppDeps) {
  const jobs = new Map<string, Job>();
  return new Hono<AppEnv>()
    .post(
      '/imports',
      requireRole('admin'),
      bodyLimit({
        maxSize: config.maxImportBytes + 1_000_000,
        onError: () => {
          throw new PayloadTooLargeError(`The upload is over ${Math.round(config.maxImportBytes / 1e6)} MB (RAWAN_MAX_IMPORT_MB). Split the file.`);
        },
      }),
      async (c) => {
        const type = c.req.header('content-type') ?? '';
        if (!type.startsWith('multipart/form-data'))
          throw new InvalidBodyError('Send the file as multipart/form-data with fields kind, file and optionally dryRun, map, year.');
        const form = await c.req.parseBody({ all: true });
        const kinds: readonly string[] = IMPORT_KINDS;
        const kind = field(form.kind);
        if (kind === undefined || !kinds.includes(kind))
          throw new InvalidBodyError(`Field "kind" must be one of ${IMPORT_KINDS.join(', ')}.`, [{ path: 'kind', message: 'unknown kind' }]);
        const file = form.file;
        if (!(file instanceof File)) throw new InvalidBodyError('Field "file" must be an uploaded file.', [{ path: 'file', message: 'missing' }]);
        const dryRun = ['1', 'true', 'yes'].includes((field(form.dryRun) ?? '').toLowerCase());
        const mapRaw = form.map;
        const mapPairs = (Array.isArray(mapRaw) ? mapRaw : mapRaw === undefined ? [] : [mapRaw]).filter((v): v is string => typeof v === 'string' && v !== '');
        let mapping: Record<string, string>;
        try {
          mapping = parseMapping(mapPairs);
        } catch (e) {
          throw new InvalidBodyError(e instanceof Error ? e.message : 'Bad column mapping', [{ path: 'map', message: 'must be field=Column' }]);
        }
        const yearRaw = field(form.year);
        const year = yearRaw === undefined || yearRaw === '' ? undefined : Number(yearRaw);
        if (year !== undefined && !(Number.isInteger(year) && year > 1900 && year < 2200))
          throw new InvalidBodyError('Field "year" must be a year like 2020.', [{ path: 'year', message: 'not a year' }]);
        const bytes = new Uint8Array(await file.arrayBuffer());
        const fileName = cleanFileName(file.name);
        const principal = c.get('principal');
        const job: Job = { id: newImportId(), status: 'running', startedAt: new Date().toISOString(), finishedAt: null, outcome: null, error: null, progress: null };
        jobs.set(job.id, job);
        const work = runImport(store, [{ kind: IMPORT_KINDS[kinds.indexOf(kind)] as ImportKind, fileName, bytes, handOver: true }], {
          dryRun,
          mapping,
          year,
          maxBytes: config.maxImportBytes,
          importId: job.id,
          by: principal?.username ?? null,
          onProgress: (p) => {
            job.progress = p;
          },
        }).then(
          async (outcome) => {
            Object.assign(job, { status: outcome.ok ? 'done' : 'refused', outcome, finishedAt: new Date().toISOString() });
            await audit(store, c, principal, dryRun ? 'import_dry_run' : 'import', `${kind}: ${fileName}`, {
              ok: outcome.ok,
              written: outcome.written,
              rows: outcome.reports[0]?.rows,
              errors: outcome.reports[0]?.errors,
              importId: outcome.importId,
            });
            return outcome;
          },
          async (err: unknown) => {
            Object.assign(job, { status: 'failed', error: 'The import failed on our side; nothing was written.', finishedAt: new Date().toISOString() });
            await audit(store, c, principal, 'import_failed', `${kind}: ${fileName}`);
            throw err;
          },
        );
        if (['1', 'true'].includes(field(form.async) ?? '')) {
          work.catch(() => {});
          return c.json({ id: job.id, status: job.status, statusUrl: `/api/imports/${job.id}` }, 202);
        }
        const outcome = await work;
        if (!outcome.ok) {
          const r = outcome.reports[0];
          throw new ImportRejectedError(
            `The ${kind} file was refused: ${r.errors} problem(s) in ${r.rejected} of ${r.rows} rows. Nothing was written.`,
            outcome,
          );
        }
        return c.json({ id: job.id, ...outcome });
      },
    )
    .get('/imports', requireRole('admin'), validQuery(listQuery), async (c) => {
      return c.json({ imports: await store.listImports(c.req.valid('query').limit) });
    })
    // The largest file an import takes (RAWAN_MAX_IMPORT_MB): the admin page refuses bigger ones before uploading them.
    .get('/imports/limits', requireRole('admin'), (c) => c.json({ maxBytes: config.maxImportBytes }))
    .get('/imports/:id', requireRole('admin'), async (c) => {
      const id = c.req.param('id');
      const job = jobs.get(id);
      if (job) return c.json({ ...job, record: job.outcome?.written ? await store.getImport(id) : null });
      const stored = importIdPattern.test(id) ? await store.getImport(id) : null;
      if (!stored) throw new NotFoundError(`No import "${id.slice(0, 80)}": GET /api/imports lists the stored ones (the progress of unfinished ones is kept until the server restarts).`);
      // Finished before this server started: the stored record stands in for the job kept in memory.
      const done: Job = { id, status: 'done', startedAt: stored.at, finishedAt: stored.at, outcome: null, error: null, progress: null };
      return c.json({ ...done, record: stored });
    })
    .post('/imports/:id/rollback', requireRole('admin'), async (c) => {
      const id = c.req.param('id');
      if (!importIdPattern.test(id)) throw new NotFoundError(`No import "${id.slice(0, 80)}": GET /api/imports lists the stored ones.`);
      const principal = c.get('principal');
      const result = await rollbackImport(store, id, principal?.username ?? null);
      await audit(store, c, principal, 'import_rollback', id, { removed: result.removed, restored: result.restored, replaced: result.replaced });
      return c.json(result);
    });
}
