// Store.writeStream on every store: all batches in one transaction, nothing at all when the source throws, tallies in
// step with the events, and (on a database file or PostgreSQL) other reads see the store as before until the commit.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { latLngToCell } from 'h3-js';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES, type CaseEvent } from '../../../server/domain/types.js';
import { SqliteStore } from '../../../server/store/sqlite-store.js';
import type { Store, StoreWrite } from '../../../server/store/store.js';
import { schemaStores, TEST_DATABASE_URL } from '../../helpers/postgres-test-db.js';
import { tempDir } from '../../helpers/temp-dir.js';

const ev = (id: string, date: string, lng: number, count = 1): CaseEvent => ({
  id,
  type: 'user_case',
  date,
  location: [lng, -6.2],
  areaCode: 'K1',
  focusAreaId: null,
  h3: latLngToCell(-6.2, lng, 10),
  count,
  source: 'stream-test',
  synthetic: false,
});
const ALL = { from: '2025-01-01', to: '2025-12-31', types: EVENT_TYPES };

async function* batches(list: StoreWrite[][], failAfter?: number): AsyncGenerator<StoreWrite[]> {
  for (const [i, b] of list.entries()) {
    if (i === failAfter) throw new Error('source failed');
    await new Promise((r) => setTimeout(r, 1));
    yield b;
  }
}

const pg = schemaStores();
const stores: Array<[string, () => Store, boolean]> = [
  ['sqlite (memory)', () => new SqliteStore(':memory:'), false],
  ['sqlite (file)', () => new SqliteStore(join(tempDir('rawan-ws-'), 'ws.db')), true],
];
if (TEST_DATABASE_URL) stores.push(['postgres', () => pg.open(), true]);
afterAll(() => (TEST_DATABASE_URL ? pg.cleanup() : undefined));
/** PostgreSQL stores are closed (and their schemas dropped) by the cleanup above. */
const done = (s: Store) => (s.kind === 'sqlite' ? s.close() : undefined);

describe.each(stores)('writeStream: %s', (_name, open, isolated) => {
  const list: StoreWrite[][] = [
    [{ kind: 'events', events: [ev('a', '2025-01-05', 106.8), ev('b', '2025-01-06', 106.8)] }],
    [{ kind: 'events', events: [ev('c', '2025-02-05', 106.9, 3)] }],
    // 'a' again: moved and recounted, not duplicated.
    [{ kind: 'events', events: [ev('a', '2025-02-07', 106.9, 2)] }, { kind: 'meta', key: 'last_import', value: 'x' }],
  ];

  it('commits every batch at the end, in one new data version', async () => {
    const store = open();
    await store.migrate();
    const v0 = await store.dataVersion();
    let seen: unknown;
    async function* watched() {
      for await (const b of batches(list)) {
        yield b;
        // After the second batch is applied, before the commit.
        if (b === list[1] && isolated) seen = await store.counts();
      }
    }
    await store.writeStream(watched());
    if (isolated) expect(seen).toMatchObject({ events: 0 });
    expect(await store.dataVersion()).toBe(v0 + 1);
    expect(await store.getMeta('last_import')).toBe('x');
    expect(await store.counts()).toMatchObject({ events: 3 });
    expect(await store.countEventsByMonth(ALL, {})).toEqual([
      { month: '2025-01', type: 'user_case', count: 1 },
      { month: '2025-02', type: 'user_case', count: 5 },
    ]);
    expect(await store.countEventsByCell(ALL, 9)).toEqual(
      [
        { h3: latLngToCell(-6.2, 106.8, 9), count: 1 },
        { h3: latLngToCell(-6.2, 106.9, 9), count: 5 },
      ].sort((x, y) => (x.h3 < y.h3 ? -1 : 1)),
    );
    await done(store);
  });

  it('leaves nothing behind when the source throws after some batches', async () => {
    const store = open();
    await store.migrate();
    await store.write([{ kind: 'events', events: [ev('z', '2025-03-01', 106.8)] }]);
    const [counts, version] = [await store.counts(), await store.dataVersion()];
    await expect(store.writeStream(batches(list, 2))).rejects.toThrow('source failed');
    expect(await store.counts()).toEqual(counts);
    expect(await store.dataVersion()).toBe(version);
    expect(await store.countEventsByMonth(ALL, {})).toEqual([{ month: '2025-03', type: 'user_case', count: 1 }]);
    // The store still takes writes afterwards.
    await store.writeStream(batches(list));
    expect(await store.counts()).toMatchObject({ events: 4 });
    await done(store);
  });

  it('lets reads go on during the stream, and another write waits (SQLite) or runs beside it (PostgreSQL), never failing', async () => {
    const store = open();
    await store.migrate();
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    async function* slow(): AsyncGenerator<StoreWrite[]> {
      yield [{ kind: 'events', events: [ev('s1', '2025-04-01', 106.8)] }];
      await held;
      yield [{ kind: 'meta', key: 'streamed', value: 'yes' }];
    }
    const order: string[] = [];
    const streaming = store.writeStream(slow()).then(() => order.push('stream committed'));
    try {
      await new Promise((r) => setTimeout(r, 50));
      const started = Date.now();
      const writing = store.write([{ kind: 'meta', key: 'other', value: '1' }]).then(() => order.push('other write'));
      // Reads answer from the store as it was (on a file or PostgreSQL) while the stream holds its transaction.
      if (isolated) expect((await store.counts()).events).toBe(0);
      await new Promise((r) => setTimeout(r, 100));
      // SQLite has one writer at a time: the other write waits for the commit, without blocking the process.
      if (store.kind === 'sqlite') expect(order).toEqual([]);
      release();
      await Promise.all([streaming, writing]);
      if (store.kind === 'sqlite') expect(order).toEqual(['stream committed', 'other write']);
      expect([await store.getMeta('streamed'), await store.getMeta('other')]).toEqual(['yes', '1']);
      expect((await store.counts()).events).toBe(1);
      // Well under SQLite's 5 s busy timeout: the write waited for the commit, it did not sleep in the lock.
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      release();
      await streaming.catch(() => {});
      await done(store);
    }
  });
});

describe('writeStream on a SQLite file: the checkpoint after it', () => {
  it('copies the committed pages into the database file on a thread of its own, the file alone then holding them', async () => {
    const dir = tempDir('rawan-ckpt-');
    const store = new SqliteStore(join(dir, 'c.db'));
    await store.migrate();
    await store.checkpointed();
    // Enough events for the WAL to pass SQLite's own checkpoint threshold (1,000 pages) several times over.
    const many = Array.from({ length: 20 }, (_, b) => [
      { kind: 'events' as const, events: Array.from({ length: 1_000 }, (_, i) => ev(`w${b}-${i}`, '2025-05-01', 106.8 + i / 1e4)) },
    ]);
    await store.writeStream(batches(many));
    expect((await store.counts()).events).toBe(20_000);
    await store.checkpointed();
    // A copy of the database file without its WAL: what the checkpoint wrote there is all it has.
    copyFileSync(join(dir, 'c.db'), join(dir, 'alone.db'));
    const alone = new Database(join(dir, 'alone.db'), { readonly: true });
    expect(alone.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 20_000 });
    alone.close();
    await store.close();
  });
});
