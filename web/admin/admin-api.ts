// The admin page's JSON calls (session, users, audit log, import status), typed by `hc<AppType>`; uploads live in api-upload.ts.
import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../server/app';

const client = hc<AppType>(typeof window === 'undefined' ? 'http://localhost/' : window.location.origin);

type Me = InferResponseType<typeof client.api.auth.me.$get, 200>;
export type Role = Me['role'];
export type AdminUser = InferResponseType<typeof client.api.users.$get, 200>['users'][number];
export const ROLES: readonly Role[] = ['viewer', 'analyst', 'admin'];
export type AuditEntry = InferResponseType<typeof client.api.audit.$get, 200>['entries'][number];
type ImportStatusBody = InferResponseType<(typeof client.api.imports)[':id']['$get'], 200>;
/** An upload's progress and outcome, as the server holds them in memory until it restarts. */
export type ImportJob = Extract<ImportStatusBody, { progress: unknown }>;
/** One stored import as GET /api/imports lists it. */
export type ImportRecord = InferResponseType<typeof client.api.imports.$get, 200>['imports'][number];
export type RollbackResult = InferResponseType<(typeof client.api.imports)[':id']['rollback']['$post'], 200>;
export type ImportOutcome = NonNullable<ImportJob['outcome']>;
export type ImportReport = ImportOutcome['reports'][number];
export type ImportIssue = ImportReport['issues'][number];
export type ImportProgress = NonNullable<ImportJob['progress']>;
export const IMPORT_KINDS = ['boundaries', 'facilities', 'population', 'events'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type Session = Pick<Me, 'user' | 'role'>;

/** A failed request with the server's error code, message and per-field details when it sent them. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly { path: string; message: string }[] = [],
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Reads the `{ error: { code, message, details } }` body the server sends with every 4xx/5xx. */
export function errorFromBody(status: number, statusText: string, body: unknown): AdminApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = error && typeof error.code === 'string' ? error.code : `http_${status}`;
  const message = error && typeof error.message === 'string' ? error.message : `${status} ${statusText}`.trim();
  const details =
    error && Array.isArray(error.details) ? error.details.filter(isRecord).map((d) => ({ path: String(d.path ?? ''), message: String(d.message ?? '') })) : [];
  return new AdminApiError(status, code, message, details, body);
}

async function ok<T extends Response>(request: Promise<T>): Promise<T> {
  let res: T;
  try {
    res = await request;
  } catch {
    throw new AdminApiError(0, 'network', 'The server could not be reached. Check the connection and try again.');
  }
  if (res.ok) return res;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  throw errorFromBody(res.status, res.statusText, body);
}

export async function fetchSession(): Promise<Session | null> {
  const res = await client.api.auth.me.$get();
  if (res.status === 401) return null;
  const body = await (await ok(Promise.resolve(res))).json();
  if (!('role' in body)) return null;
  return { user: body.user, role: body.role };
}

export async function login(username: string, password: string): Promise<void> {
  await ok(client.api.auth.login.$post({ json: { username, password } }));
}

export async function logout(): Promise<void> {
  await ok(client.api.auth.logout.$post());
}

export async function listUsers(): Promise<AdminUser[]> {
  return (await (await ok(client.api.users.$get())).json()).users;
}

export async function createUser(body: { username: string; password: string; role: Role }): Promise<AdminUser> {
  return (await (await ok(client.api.users.$post({ json: body }))).json()).user;
}

export async function changeUser(id: string, patch: { role?: Role; disabled?: boolean; password?: string }): Promise<void> {
  await ok(client.api.users[':id'].$patch({ param: { id }, json: patch }));
}

export interface AuditFilter {
  action: string;
  username: string;
  from: string;
  to: string;
}

export async function listAudit(filter: AuditFilter, before: number | null, limit: number): Promise<AuditEntry[]> {
  const query: Record<string, string> = { limit: String(limit) };
  if (filter.action !== '') query.action = filter.action;
  if (filter.username.trim() !== '') query.username = filter.username.trim();
  if (filter.from !== '') query.from = filter.from;
  if (filter.to !== '') query.to = filter.to;
  if (before !== null) query.before = String(before);
  return (await (await ok(client.api.audit.$get({ query }))).json()).entries;
}

export async function importStatus(id: string): Promise<ImportJob> {
  const body = await (await ok(client.api.imports[':id'].$get({ param: { id } }))).json();
  // Without the job (the server restarted) only the stored record is left, which has no report to show.
  if (!('progress' in body))
    throw new AdminApiError(404, 'not_found', `The server no longer holds the report of import ${id}; Past imports shows whether it was stored.`);
  return body;
}

/** Stored imports, newest first. */
export async function listImports(limit: number): Promise<ImportRecord[]> {
  return (await (await ok(client.api.imports.$get({ query: { limit: String(limit) } }))).json()).imports;
}

/** The largest file the server imports, in bytes. */
export async function importLimits(): Promise<{ maxBytes: number }> {
  return (await ok(client.api.imports.limits.$get())).json();
}

/** Removes every record the import wrote and puts back the versions it replaced, in one transaction. */
export async function rollbackImport(id: string): Promise<RollbackResult> {
  return (await ok(client.api.imports[':id'].rollback.$post({ param: { id } }))).json();
}

export type AreaCollection = InferResponseType<typeof client.api.areas.$get, 200>;

/** Kota and kelurahan outlines for the preview map's offline basemap. */
export async function fetchBasemapAreas(): Promise<{ kota: AreaCollection; kelurahan: AreaCollection }> {
  const [kota, kelurahan] = await Promise.all(
    (['kota', 'kelurahan'] as const).map(async (level) => (await ok(client.api.areas.$get({ query: { level } }))).json()),
  );
  return { kota, kelurahan };
}
