// Reads the PySAL esda reference outputs from ../shared/reference at test time (never copied into the repo).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ReferencePolygon {
  readonly type: 'Polygon';
  readonly coordinates: number[][][];
}
export interface ReferencePoint {
  readonly type: 'Point';
  readonly coordinates: number[];
}

export interface LatticeReference {
  readonly ids: string[];
  readonly values: number[];
  readonly geometries: ReferencePolygon[];
  readonly gistarZ: number[];
  readonly lisaI: number[];
  readonly quadrants: string[];
  readonly pSim: number[];
}

export interface PointsReference {
  readonly ids: string[];
  readonly values: number[];
  readonly geometries: ReferencePoint[];
  readonly neighbours: number[][];
  readonly gistarZ: number[];
}

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(path.resolve(process.cwd(), '../shared/reference', name), 'utf8'));
}

function field(o: unknown, key: string): unknown {
  if (typeof o !== 'object' || o === null || !(key in o)) throw new Error(`reference file lacks "${key}"`);
  const value: unknown = Reflect.get(o, key);
  return value;
}

function numbers(o: unknown): number[] {
  if (!Array.isArray(o) || !o.every((v) => typeof v === 'number')) throw new Error('expected an array of numbers');
  return o;
}

function list(o: unknown): unknown[] {
  if (!Array.isArray(o)) throw new Error('expected an array');
  return o;
}

export function readLattice(): LatticeReference {
  const doc = readJson('esda-lattice-7x7.json');
  const features = list(field(field(doc, 'features'), 'features'));
  const lisa = field(doc, 'lisa');
  return {
    ids: features.map((f) => String(field(field(f, 'properties'), 'id'))),
    values: features.map((f) => Number(field(field(f, 'properties'), 'value'))),
    geometries: features.map((f) => {
      const g = field(f, 'geometry');
      if (field(g, 'type') !== 'Polygon') throw new Error('expected Polygon geometries');
      return { type: 'Polygon', coordinates: list(field(g, 'coordinates')).map((ring) => list(ring).map(numbers)) };
    }),
    gistarZ: numbers(field(field(doc, 'gistar'), 'z')),
    lisaI: numbers(field(lisa, 'I')),
    quadrants: list(field(lisa, 'quadrant')).map(String),
    pSim: numbers(field(lisa, 'pSim')),
  };
}

export function readPoints(): PointsReference {
  const doc = readJson('esda-points-distance-0.8km.json');
  const features = list(field(field(doc, 'features'), 'features'));
  return {
    ids: features.map((f) => String(field(field(f, 'properties'), 'id'))),
    values: features.map((f) => Number(field(field(f, 'properties'), 'count'))),
    geometries: features.map((f) => ({ type: 'Point', coordinates: numbers(field(field(f, 'geometry'), 'coordinates')) })),
    neighbours: list(field(doc, 'neighbours')).map(numbers),
    gistarZ: numbers(field(field(doc, 'gistar'), 'z')),
  };
}
