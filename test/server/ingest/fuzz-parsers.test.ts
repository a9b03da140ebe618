// Random and mutated files thrown at every parser through runImport: never a crash, always a report, and a refused
// file never changes the store.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_KINDS, runImport, type ImportKind } from '../../../server/ingest/import-service.js';
import { makeTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});

const opts = { dryRun: true, maxBytes: 5e6, today: '2026-11-23' };

async function importAny(kind: ImportKind, fileName: string, bytes: Uint8Array) {
  const before = await t.store.dataVersion();
  const out = await runImport(t.store, [{ kind, fileName, bytes }], opts);
  expect(out.reports).toHaveLength(1);
  const r = out.reports[0];
  expect(Array.isArray(r.issues)).toBe(true);
  expect(r.rows).toBeGreaterThanOrEqual(0);
  expect(r.accepted + r.rejected).toBe(r.rows);
  // Every issue also reads in Indonesian, and not as a copy of the English message.
  for (const i of r.issues) {
    expect(i.localized.id.trim()).not.toBe('');
    expect(i.localized.id).not.toBe(i.message);
  }
  expect(out.written).toBe(false);
  expect(await t.store.dataVersion()).toBe(before);
  return out;
}

const VALID_CSV = 'id;tanggal;jenis;lat;lon;count\nA1;2025-04-11;user_case;-6,1868;106,8031;2\nA2;11/04/2025;pencegahan;-6.2;106.85;\n';
const VALID_GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { kode: '31.73.07.1006', nama: 'Kota Bambu Selatan' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.797, -6.1896],
            [106.8106, -6.1896],
            [106.8106, -6.184],
            [106.797, -6.184],
            [106.797, -6.1896],
          ],
        ],
      },
    },
  ],
});
const fixture = (n: string) => new Uint8Array(readFileSync(resolve(process.cwd(), 'test/fixtures/import', n)));

/** Deletes, inserts or replaces a few characters at random places. */
const mutatedText = (base: string) =>
  fc.array(fc.tuple(fc.nat(base.length), fc.constantFrom('del', 'ins', 'rep'), fc.string({ maxLength: 4 })), { maxLength: 6 }).map((edits) => {
    let s = base;
    for (const [at, op, text] of edits) {
      const i = at % (s.length + 1);
      s = op === 'del' ? s.slice(0, i) + s.slice(i + 1) : op === 'ins' ? s.slice(0, i) + text + s.slice(i) : s.slice(0, i) + text + s.slice(i + text.length);
    }
    return s;
  });

const mutatedBytes = (base: Uint8Array) =>
  fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
    const b = new Uint8Array(base);
    for (const [i, v] of flips) b[i] = v;
    return b;
  });

describe('parsers never crash', () => {
  it('random bytes under every kind and file name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IMPORT_KINDS),
        fc.constantFrom('x.csv', 'x.geojson', 'x.json', 'x.kml', 'x.zip', 'x.txt', 'x'),
        fc.uint8Array({ maxLength: 400 }),
        async (kind, name, bytes) => {
          await importAny(kind, name, bytes);
        },
      ),
      { numRuns: 80, seed: 11 },
    );
  });

  it('mutated CSV events', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(VALID_CSV), async (text) => void (await importAny('events', 'e.csv', Buffer.from(text)))),
      { numRuns: 80, seed: 12 },
    );
  });

  it('mutated GeoJSON boundaries, and random JSON', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(VALID_GEOJSON), async (text) => void (await importAny('boundaries', 'b.geojson', Buffer.from(text)))),
      { numRuns: 60, seed: 13 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IMPORT_KINDS),
        fc.json({ maxDepth: 4 }),
        async (kind, text) => void (await importAny(kind, 'j.geojson', Buffer.from(text))),
      ),
      { numRuns: 60, seed: 14 },
    );
  });

  it('mutated shapefile ZIP and KML', async () => {
    const zip = fixture('puskesmas_utm48s.zip');
    const kml = new TextDecoder().decode(fixture('puskesmas.kml'));
    await fc.assert(
      fc.asyncProperty(mutatedBytes(zip), async (bytes) => void (await importAny('facilities', 'p.zip', bytes))),
      { numRuns: 60, seed: 15 },
    );
    await fc.assert(
      fc.asyncProperty(mutatedText(kml), async (text) => void (await importAny('facilities', 'p.kml', Buffer.from(text)))),
      { numRuns: 40, seed: 16 },
    );
  });
});
