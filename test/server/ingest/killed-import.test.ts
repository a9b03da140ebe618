// An import of 1,000,000 events killed with SIGKILL in the middle of writing leaves the store exactly as it was (one SQLite transaction).
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { ensureDefaultData } from '../../../server/store/open-store.js';
import { SqliteStore } from '../../../server/store/sqlite-store.js';
import { expectNoTrace, importKilledMidWrite, writeEventsCsv } from '../../helpers/killed-import.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('killed import', () => {
  it('leaves no trace of a transaction killed mid-write', async () => {
    const dir = tempDir('rawan-kill-');
    const db = join(dir, 'rawan.db');
    const seeded = new SqliteStore(db);
    await seeded.migrate();
    await ensureDefaultData(seeded, 20250411);
    const before = await seeded.counts();
    await seeded.close();

    writeEventsCsv(join(dir, 'big.csv'));
    await importKilledMidWrite(join(dir, 'big.csv'), { RAWAN_DB: db });

    const after = new SqliteStore(db);
    await after.migrate();
    await expectNoTrace(after, before);
    await after.close();
  }, 180_000);
});
