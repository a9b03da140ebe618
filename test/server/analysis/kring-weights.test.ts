// The lattice-arithmetic k-ring weights against the definition (one h3-js gridDisk per cell) on random cell sets: several resolutions, around pentagons, across base cells and icosahedron faces, sparse and shuffled; plus the integer H3 reading they rest on, checked against h3-js.
import fc from 'fast-check';
import {
  cellToCenterChild,
  cellToLatLng,
  cellToLocalIj,
  getBaseCellNumber,
  getIcosahedronFaces,
  getPentagons,
  getRes0Cells,
  gridDisk,
  isPentagon,
  latLngToCell,
  localIjToCell,
} from 'h3-js';
import { describe, expect, it, vi } from 'vitest';
import { cellAxial, DIGIT_A, DIGIT_B, inBaseCell, isPentagonBaseCell, parseCanonicalCell, PENTAGON_BASE_CELLS } from '../../../server/analysis/h3-cell-ij';
import { kringWeights } from '../../../server/analysis/kring-weights';
import { kringWeightsByGridDisk } from '../../../server/analysis/kring-weights-grid-disk';
import { createRandom, type Random } from '../../../server/analysis/random';
import type { SpatialWeights } from '../../../server/analysis/weights';

// Counts gridDisk calls, to see which path kringWeights took; the calls themselves go through unchanged.
const calls = vi.hoisted(() => ({ gridDisk: 0 }));
vi.mock('h3-js', async (importOriginal) => {
  const h3 = await importOriginal<typeof import('h3-js')>();
  return {
    ...h3,
    gridDisk: (cell: Parameters<typeof h3.gridDisk>[0], k: number) => {
      calls.gridDisk++;
      return h3.gridDisk(cell, k);
    },
  };
});

function expectSameWeights(actual: SpatialWeights, expected: SpatialWeights): void {
  expect(actual.n).toBe(expected.n);
  expect(actual.ids).toEqual(expected.ids);
  expect(Array.from(actual.offsets)).toEqual(Array.from(expected.offsets));
  expect(Array.from(actual.neighbors)).toEqual(Array.from(expected.neighbors));
  expect(Array.from(actual.weights)).toEqual(Array.from(expected.weights));
}

/** The thrown error's class, code and message, or the result. */
function outcome(f: () => SpatialWeights): { error: unknown } | { weights: SpatialWeights } {
  try {
    return { weights: f() };
  } catch (error) {
    return { error };
  }
}

type Scenario = 'random' | 'pentagon' | 'base-cell-edge' | 'face-edge' | 'scattered';
const SCENARIOS: readonly Scenario[] = ['random', 'pentagon', 'base-cell-edge', 'face-edge', 'scattered'];

function randomCell(random: Random, res: number): string {
  // Uniform on the sphere, so polar and equatorial faces both come up.
  const lat = (Math.asin(2 * random() - 1) * 180) / Math.PI;
  return latLngToCell(lat, 360 * random() - 180, res);
}

/**
 * Random cells of resolution 1..maxRes on hexagonal base cells, with their axial IJ as cellAxial gives it and the
 * centre child of their base cell (the origin of that frame).
 */
function* hexagonBaseCells(seed: number, tries: number, maxRes: number): Generator<{ cell: string; res: number; base: number; axial: [number, number]; origin: string }> {
  const random = createRandom(seed);
  const hi = new Uint32Array(1);
  const lo = new Uint32Array(1);
  const out = new Int32Array(2);
  for (let t = 0; t < tries; t++) {
    const res = 1 + Math.floor(random() * maxRes);
    const cell = randomCell(random, res);
    const base = getBaseCellNumber(cell);
    if (isPentagonBaseCell(base)) continue;
    parseCanonicalCell(cell, hi, lo, 0);
    cellAxial(hi[0], lo[0], res, out, 0);
    yield { cell, res, base, axial: [out[0], out[1]], origin: cellToCenterChild(getRes0Cells()[base], res) };
  }
}

function pick<T>(random: Random, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)];
}

/** A centre cell for the scenario: anywhere, near a pentagon, on the edge between two base cells, or on an icosahedron edge. */
function centre(scenario: Scenario, random: Random, res: number): string {
  switch (scenario) {
    case 'pentagon': {
      const pentagon = pick(random, getPentagons(res));
      return pick(random, gridDisk(pentagon, Math.min(3, res)));
    }
    case 'base-cell-edge': {
      const base = pick(random, getRes0Cells());
      const other = pick(random, gridDisk(base, 1).filter((c) => c !== base));
      const [lat1, lng1] = cellToLatLng(base);
      const [lat2, lng2] = cellToLatLng(other);
      // Longitudes may straddle ±180°; average them on the short way round.
      const dLng = ((lng2 - lng1 + 540) % 360) - 180;
      return latLngToCell((lat1 + lat2) / 2, lng1 + dLng / 2, res);
    }
    case 'face-edge':
      // Hexagonal base cells centred on an icosahedron edge have their centre children on it too.
      return cellToCenterChild(pick(random, getRes0Cells()), res);
    default:
      return randomCell(random, res);
  }
}

function cellSet(scenario: Scenario, res: number, radius: number, density: number, seed: number): string[] {
  const random = createRandom(seed);
  const cells = new Set<string>();
  const disks = scenario === 'scattered' ? 4 : 1;
  for (let d = 0; d < disks; d++) for (const c of gridDisk(centre(scenario, random, res), radius)) if (random() < density) cells.add(c);
  if (scenario === 'scattered') for (let t = 0; t < 20; t++) cells.add(randomCell(random, res));
  const out = [...cells];
  // Input order must not matter.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('kringWeights equals one gridDisk per cell', () => {
  it('on random cell sets at many resolutions, near pentagons and across base cells and faces', () => {
    const seen = { pentagonSets: 0, multiBaseCell: 0, multiFace: 0, fastCells: 0, fallbackCells: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.constantFrom(0, 1, 2, 3, 5, 7, 9, 10, 12, 15),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(1, 0.8, 0.4),
        fc.constantFrom(1, 1, 2, 3),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (scenario, res, radius, density, k, seed) => {
          const cells = cellSet(scenario, res, radius, density, seed);
          const expected = kringWeightsByGridDisk(cells, k);
          calls.gridDisk = 0;
          const actual = kringWeights(cells, k);
          expectSameWeights(actual, expected);
          seen.fallbackCells += calls.gridDisk;
          seen.fastCells += cells.length - calls.gridDisk;
          if (cells.some((c) => isPentagon(c))) seen.pentagonSets++;
          if (new Set(cells.map(getBaseCellNumber)).size > 1) seen.multiBaseCell++;
          if (new Set(cells.flatMap(getIcosahedronFaces)).size > 1) seen.multiFace++;
        },
      ),
      { seed: 20260412, numRuns: 250 },
    );
    // The generator really reached the hard cases, and the fast path really ran.
    expect(seen.pentagonSets).toBeGreaterThan(10);
    expect(seen.multiBaseCell).toBeGreaterThan(40);
    expect(seen.multiFace).toBeGreaterThan(40);
    expect(seen.fastCells).toBeGreaterThan(seen.fallbackCells);
    expect(seen.fallbackCells).toBeGreaterThan(0);
  });

  it('whole disks around every pentagon at resolutions 1, 4 and 9, with k up to 3', () => {
    for (const res of [1, 4, 9]) {
      for (const pentagon of getPentagons(res)) {
        const cells = gridDisk(pentagon, 6);
        for (const k of [1, 2, 3]) expectSameWeights(kringWeights(cells, k), kringWeightsByGridDisk(cells, k));
      }
    }
  });

  it('asks gridDisk for no cell of a Jakarta-sized area inside one base cell', () => {
    const cells = gridDisk(latLngToCell(-6.2, 106.83, 9), 30);
    calls.gridDisk = 0;
    const w = kringWeights(cells, 1);
    expect(calls.gridDisk).toBe(0);
    calls.gridDisk = 0;
    expectSameWeights(w, kringWeightsByGridDisk(cells, 1));
    expect(calls.gridDisk).toBe(cells.length);
  });

  it('gives the same result or the same error for input that is not plain canonical cells', () => {
    const cells = gridDisk(latLngToCell(-6.2, 106.83, 9), 2);
    const [a, b] = cells;
    const cases: string[][] = [
      [...cells, a], // a repeat
      [...cells, 'not-a-cell'],
      [...cells, latLngToCell(-6.2, 106.83, 8)], // another resolution
      [a.toUpperCase(), ...cells.slice(1)], // valid for h3-js, but not the string it returns
      [`0${b}`, ...cells], // a leading zero: the same cell as b, spelt differently
      [...cells, '8f2830828052d25'.replace('8f', '7f')], // a mode h3-js refuses
      [],
    ];
    for (const input of cases) {
      const fast = outcome(() => kringWeights(input, 1));
      const slow = outcome(() => kringWeightsByGridDisk(input, 1));
      if ('error' in slow) {
        expect('error' in fast).toBe(true);
        if ('error' in fast) expect(fast.error).toEqual(slow.error);
      } else {
        expect('weights' in fast).toBe(true);
        if ('weights' in fast) expectSameWeights(fast.weights, slow.weights);
      }
    }
    expect(() => kringWeights(cells, 0)).toThrowError(expect.objectContaining({ code: 'invalid_parameter' }));
  });
});

describe('integer reading of H3 cells', () => {
  it('knows the pentagon base cells', () => {
    expect([...PENTAGON_BASE_CELLS]).toEqual(getPentagons(0).map(getBaseCellNumber).sort((x, y) => x - y));
  });

  it('parses exactly the strings h3-js writes', () => {
    const hi = new Uint32Array(1);
    const lo = new Uint32Array(1);
    const random = createRandom(11);
    for (let t = 0; t < 500; t++) {
      const cell = randomCell(random, Math.floor(random() * 16));
      expect(parseCanonicalCell(cell, hi, lo, 0)).toBe(true);
      expect(hi[0].toString(16) + lo[0].toString(16).padStart(8, '0')).toBe(cell);
    }
    for (const bad of ['', '8928308280fffff0', '08928308280ffff', '8928308280FFFFF', '89283082g0fffff', '892830828\u00e9fffff']) {
      expect(parseCanonicalCell(bad, hi, lo, 0)).toBe(false);
    }
  });

  it('gives the local IJ coordinates h3-js gives within a hexagonal base cell', () => {
    for (const { cell, axial, origin } of hexagonBaseCells(12, 500, 15)) {
      // The base cell's centre child sits at the frame's origin.
      expect(cellToLocalIj(origin, cell)).toEqual({ i: axial[0], j: axial[1] });
    }
  });

  it('tells lattice neighbours inside the base cell from those outside as h3-js does', () => {
    let outside = 0;
    for (const { res, base, axial, origin } of hexagonBaseCells(13, 400, 4)) {
      for (let d = 1; d <= 6; d++) {
        const a = axial[0] + DIGIT_A[d];
        const b = axial[1] + DIGIT_B[d];
        const inside = inBaseCell(a, b, res);
        if (inside) {
          expect(getBaseCellNumber(localIjToCell(origin, { i: a, j: b }))).toBe(base);
        } else {
          outside++;
          // localIjToCell refuses some points across a pentagon; any cell it does give is elsewhere.
          let other: string | null = null;
          try {
            other = localIjToCell(origin, { i: a, j: b });
          } catch {
            other = null;
          }
          if (other !== null) expect(getBaseCellNumber(other)).not.toBe(base);
        }
      }
    }
    expect(outside).toBeGreaterThan(100);
  });
});
