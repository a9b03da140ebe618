// An import of 1,000,000 events into PostgreSQL killed with SIGKILL in the middle of writing leaves the store exactly as it was.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDefaultData } from '../../../server/store/open-store.js';
import { PostgresStore } from '../../../server/store/postgres-store.js';
import { expectNoTrace, importKilledMidWrite, writeEventsCsv } from '../../helpers/killed-import.js';
import { scratchDatabase, TEST_DATABASE_URL } from '../../helpers/postgres-test-db.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe.skipIf(!TEST_DATABASE_URL)('killed import on PostgreSQL', () => {
  it('leaves no trace of a transaction killed mid-write', async () => {
    const db = await scratchDatabase();
    try {
      const seeded = new PostgresStore(db.url);
      await seeded.migrate();
      await ensureDefaultData(seeded, 20250411);
      const before = await seeded.counts();
      const version = await seeded.dataVersion();
      await seeded.close();

      const dir = tempDir('rawan-kill-pg-');
      writeEventsCsv(join(dir, 'big.csv'));

      await importKilledMidWrite(join(dir, 'big.csv'), { DATABASE_URL: db.url, RAWAN_DB: join(dir, 'unused.db') });

      const after = new PostgresStore(db.url);
      await after.migrate();
      await expectNoTrace(after, before);
      expect(await after.dataVersion()).toBe(version);
      await after.close();
    } finally {
      await db.drop();
    }
  }, 180_000);
});
