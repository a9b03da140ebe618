// Caches serialised JSON answers of read endpoints by (query, role class, data version): planners repeat the same
// filters, and any write bumps the data version so nothing stale is served. Adds an ETag for browser revalidation.
import { createHash } from 'node:crypto';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { Store } from '../store/store.js';
import type { AppEnv } from './context.js';

interface Entry {
  body: string;
  etag: string;
}

export interface ResponseCache {
  get(key: string): Entry | undefined;
  set(key: string, entry: Entry): void;
}

/** A least-recently-used cache bounded by total bytes. */
export function createResponseCache(maxBytes = 64 * 1024 * 1024): ResponseCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  return {
    get(key) {
      const e = entries.get(key);
      if (e) {
        entries.delete(key);
        entries.set(key, e);
      }
      return e;
    },
    set(key, entry) {
      const old = entries.get(key);
      if (old) bytes -= old.body.length;
      entries.set(key, entry);
      bytes += entry.body.length;
      for (const [k, e] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(k);
        bytes -= e.body.length;
      }
    },
  };
}

export type CachedJson<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;

/** Answers from the cache, or computes, stores and answers; 304 when the browser already has this version. */
export async function cachedJson<T>(c: Context<AppEnv>, store: Store, cache: ResponseCache, query: unknown, compute: () => Promise<T>): Promise<CachedJson<T>> {
  const roleClass = c.get('principal')?.role === 'viewer' ? 'viewer' : 'full';
  const key = `${c.req.path}|${JSON.stringify(query)}|${roleClass}|${await store.dataVersion()}`;
  let entry = cache.get(key);
  if (!entry) {
    const body = JSON.stringify(await compute());
    entry = { body, etag: `W/"${createHash('sha1').update(key).digest('base64url')}"` };
    cache.set(key, entry);
  }
  c.header('ETag', entry.etag);
  c.header('Cache-Control', 'private, no-cache');
  c.header('Vary', 'Cookie');
  if (c.req.header('if-none-match') === entry.etag) {
    // The typed client never sees a 304: browsers answer it from their own cache.
    return c.body(null, 304) as unknown as CachedJson<T>;
  }
  c.header('Content-Type', 'application/json; charset=UTF-8');
  return c.body(entry.body, 200) as unknown as CachedJson<T>;
}
