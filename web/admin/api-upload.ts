// The admin page's only upload: POST /api/imports by XMLHttpRequest (for real upload progress), then polls the import's status.
import { AdminApiError, errorFromBody, importStatus, type ImportKind, type ImportOutcome, type ImportProgress } from './admin-api';

export interface UploadRequest {
  kind: ImportKind;
  file: File;
  dryRun: boolean;
  /** field → column name, for fields the server did not recognise on its own. */
  mapping: Readonly<Record<string, string>>;
  /** Population year as typed ('' when not given). */
  year: string;
}

export type UploadStage = { stage: 'uploading'; loaded: number; total: number } | { stage: 'processing'; progress: ImportProgress | null };

export interface UploadResult {
  id: string;
  status: 'done' | 'refused';
  outcome: ImportOutcome;
}

/** The multipart fields besides the file, in the order the server reads them; always async so progress can be polled. */
export function uploadFields(req: Omit<UploadRequest, 'file'>): [string, string][] {
  const fields: [string, string][] = [['kind', req.kind]];
  if (req.dryRun) fields.push(['dryRun', '1']);
  for (const [field, column] of Object.entries(req.mapping)) if (column !== '') fields.push(['map', `${field}=${column}`]);
  if (req.kind === 'population' && req.year.trim() !== '') fields.push(['year', req.year.trim()]);
  fields.push(['async', '1']);
  return fields;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Sends the file with upload progress; resolves with the id of the import the server started. */
function send(req: UploadRequest, onStage: (s: UploadStage) => void, signal?: AbortSignal): Promise<string> {
  const form = new FormData();
  for (const [k, v] of uploadFields(req)) form.append(k, v);
  form.append('file', req.file, req.file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.upload.onprogress = (e) => onStage({ stage: 'uploading', loaded: e.loaded, total: e.lengthComputable ? e.total : req.file.size });
    xhr.upload.onload = () => onStage({ stage: 'processing', progress: null });
    xhr.onerror = () => reject(new AdminApiError(0, 'network', 'The upload was interrupted. Check the connection and try again.'));
    xhr.onabort = () => reject(new AdminApiError(0, 'aborted', 'The upload was cancelled.'));
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status === 202 && isRecord(body) && typeof body.id === 'string') resolve(body.id);
      else reject(errorFromBody(xhr.status, xhr.statusText, body));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    onStage({ stage: 'uploading', loaded: 0, total: req.file.size });
    xhr.send(form);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Uploads, then polls GET /api/imports/:id until the server has validated (and, unless a dry run, written) the file. */
export async function runUpload(req: UploadRequest, onStage: (s: UploadStage) => void, signal?: AbortSignal): Promise<UploadResult> {
  const id = await send(req, onStage, signal);
  for (let wait = 100; ; wait = Math.min(1000, wait * 1.5)) {
    if (signal?.aborted) throw new AdminApiError(0, 'aborted', 'Stopped waiting for the import.');
    const job = await importStatus(id);
    onStage({ stage: 'processing', progress: job.progress });
    if (job.status === 'failed') throw new AdminApiError(500, 'import_failed', job.error ?? 'The import failed on the server; nothing was written.');
    if (job.status !== 'running' && job.outcome) return { id, status: job.status, outcome: job.outcome };
    await sleep(wait);
  }
}
