// The lattice's cells are h3-js latLngToCell's, bit for bit, at resolutions 7 to 10: on random points in Jakarta
// and anywhere on Earth, on cell edges and corners and a hair either side of them, near pentagons and icosahedron
// edges; and it answers most points without asking h3-js.
import fc from 'fast-check';
import { cellToBoundary, getPentagons, cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { CellLattice, pointCells, type LatticeRes } from '../../../server/analysis/cell-lattice.js';

const RES: LatticeRes[] = [7, 8, 9, 10];
const deg = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const h3 = (la: number, lo: number) => ({ h3_7: latLngToCell(la, lo, 7), h3_8: latLngToCell(la, lo, 8), h3_9: latLngToCell(la, lo, 9), h3_10: latLngToCell(la, lo, 10) });

describe('CellLattice', () => {
  it('reads a usable lattice from h3-js', () => {
    expect(new CellLattice().usable).toBe(true);
  });

  it('equals latLngToCell at 7 to 10 for random points in Jakarta and anywhere on Earth', () => {
    const lattice = new CellLattice();
    const check = (la: number, lo: number) => {
      expect(lattice.cells(la, lo)).toEqual(h3(la, lo));
    };
    fc.assert(fc.property(deg(-6.4, -6.05), deg(106.65, 107.0), check), { numRuns: 100_000, seed: 1 });
    fc.assert(fc.property(deg(-90, 90), deg(-180, 180), check), { numRuns: 50_000, seed: 2 });
    // Twice over the same points: the second pass answers from the table.
    fc.assert(fc.property(deg(-6.4, -6.05), deg(106.65, 107.0), check), { numRuns: 100_000, seed: 1 });
  });

  it('equals latLngToCell on cell corners and edges and within a hair of them', () => {
    const lattice = new CellLattice();
    // Jakarta, a pentagon's surroundings, near the poles and the antimeridian, and the icosahedron edge near Jakarta.
    const pentagon = cellToLatLng(getPentagons(0)[3]);
    const centres: Array<[number, number]> = [[-6.2, 106.8], [-6.13, 106.87], [pentagon[0] + 0.01, pentagon[1] + 0.01], [89.99, 10], [-12.3, 179.999], [0.5, -179.9]];
    let rnd = 7;
    const rand = () => ((rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0) / 2 ** 32);
    let checked = 0;
    for (const [cla, clo] of centres) {
      for (let k = 0; k < 25; k++) {
        const la = cla + (rand() - 0.5) * 0.05;
        const lo = clo + (rand() - 0.5) * 0.05;
        for (const res of RES) {
          const ring = cellToBoundary(latLngToCell(la, lo, res));
          for (let v = 0; v < ring.length; v++) {
            const [a1, o1] = ring[v];
            const [a2, o2] = ring[(v + 1) % ring.length];
            for (const f of [0, 0.5, 0.3]) for (const e of [0, 1e-13, -1e-13, 1e-10, -1e-10, 1e-8, -1e-8, 1e-6, -1e-6]) {
              const pla = a1 + (a2 - a1) * f + e;
              const plo = o1 + (o2 - o1) * f - e;
              if (Math.abs(pla) > 90 || Math.abs(plo) > 180) continue;
              for (const r of RES) expect(lattice.cell(pla, plo, r)).toBe(latLngToCell(pla, plo, r));
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });

  it('asks h3-js only for hexagons it has not met, and for points within a hair of an edge', () => {
    const lattice = new CellLattice();
    let rnd = 11;
    const rand = () => ((rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0) / 2 ** 32);
    // 20,000 points in a square about 1.1 km across: about 100 cells at resolution 10, a handful at 7 to 9.
    const points = Array.from({ length: 20_000 }, () => [-6.2 + rand() * 0.01, 106.8 + rand() * 0.01] as const);
    for (const [la, lo] of points) lattice.cells(la, lo);
    const first = lattice.asked;
    expect(first).toBeGreaterThan(50);
    expect(first).toBeLessThan(1_000);
    for (const [la, lo] of points) lattice.cells(la, lo);
    expect(lattice.asked - first).toBeLessThan(10);
  });

  it('gives latLngToCell’s answer for coordinates it cannot project', () => {
    const lattice = new CellLattice();
    for (const [la, lo] of [[90, 0], [-90, 45], [0, 180], [0, -180]]) for (const r of RES) expect(lattice.cell(la, lo, r)).toBe(latLngToCell(la, lo, r));
    expect(() => lattice.cell(Number.NaN, 106.8, 10)).toThrow();
  });

  it('pointCells shares one lattice', () => {
    expect(pointCells(-6.2, 106.8)).toEqual(h3(-6.2, 106.8));
  });
});
