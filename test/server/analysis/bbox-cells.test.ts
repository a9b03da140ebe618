// bboxCells7: the cells of any point in a box are among them (property), boxes too large get no cell lookup.
import fc from 'fast-check';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { bboxCells7 } from '../../../server/analysis/bbox-cells.js';

describe('bboxCells7', () => {
  it('holds the resolution-7 cell of every point in the box, corners and edges included', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 106.6, max: 107.1, noNaN: true }),
        fc.double({ min: -6.45, max: -5.95, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 40 }),
        (w, s, dx, dy, at) => {
          const box = [w, s, w + dx, s + dy] as const;
          const cells = new Set(bboxCells7(box));
          const points = [...at.map(([u, v]) => [w + u * dx, s + v * dy]), [w, s], [w + dx, s + dy], [w, s + dy], [w + dx, s]];
          for (const [lng, lat] of points) expect(cells.has(latLngToCell(lat, lng, 7)), `${lng},${lat}`).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('covers a box smaller than one cell and a single point', () => {
    expect(bboxCells7([106.8, -6.2, 106.8, -6.2])).toContain(latLngToCell(-6.2, 106.8, 7));
    expect(bboxCells7([106.8, -6.2001, 106.8001, -6.2])).toContain(latLngToCell(-6.2001, 106.8001, 7));
  });

  it('declines boxes over a degree wide or tall, and inverted boxes', () => {
    expect(bboxCells7([106, -7, 108, -6])).toBeNull();
    expect(bboxCells7([106.8, -6.1, 106.7, -6.0])).toBeNull();
    // All of Jakarta (≈0.4° × 0.3°) is looked up by cell: a few hundred of them.
    const jakarta = bboxCells7([106.68, -6.38, 107.0, -6.08]);
    expect(jakarta?.length).toBeGreaterThan(100);
    expect(jakarta?.length).toBeLessThan(600);
  });
});
