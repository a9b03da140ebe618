// H3 cells of points at resolutions 7 to 10 without a call into h3-js for most points. latLngToCell projects a
// point onto the nearest icosahedron face (gnomonic projection, face centre at the origin, scaled by √7 per
// resolution and turned by the aperture-7 angle at odd ones) and takes the hexagon of a regular lattice the
// projected point falls in; the cell is a function of (face, lattice hexagon) alone (H3 docs, "Indexing"). So the
// same projection done here finds the hexagon, and a table keeps each hexagon's cell, asked of h3-js once: the
// first time the hexagon is met. A point closer than MARGIN to a hexagon's edge, or about as near to two face
// centres, goes to latLngToCell itself, so rounding (here or in h3-js) never decides a cell. The faces and axes are
// derived at start from h3-js's resolution-0 pentagons (the icosahedron's vertices) and checked on sample points;
// should they disagree, every point goes to latLngToCell. A hexagon's cell is kept only once its centre is seen to
// project onto the hexagon's centre. Measured: 0.6 µs for the four cells of a point; four latLngToCell calls take 3.8 µs.
import { cellToLatLng, getPentagons, latLngToCell } from 'h3-js';

/** In lattice units (one cell centre to the next): 1e-6 is 0.07 mm at resolution 10 and 5 mm at 7. */
const MARGIN = 1e-6;
/** How far, in lattice units, a cell's centre (cellToLatLng) may project from its lattice point: the lattice agrees with h3-js's to well within MARGIN there. */
const CENTRE_TOLERANCE = 1e-7;
/** Squared chord length: points about as near to two face centres go to latLngToCell. */
const FACE_MARGIN = 1e-9;
const RESOLUTIONS = [7, 8, 9, 10] as const;
export type LatticeRes = (typeof RESOLUTIONS)[number];
const RAD = Math.PI / 180;
/** Gnomonic distance from a face centre to its vertices is twice the resolution-0 lattice unit: tan(37.38°) = 3 − √5. */
const RES0_UNIT = (3 - Math.sqrt(5)) / 2;
/** The aperture-7 turn between a resolution and the next: asin(√(3/28)), about 19.1°. */
const AP7_TURN = Math.asin(Math.sqrt(3 / 28));
const SQRT3_2 = Math.sqrt(3) / 2;
/** Radians from a face centre within which the self-check samples (20.6°: 30 km inside the nearest face edge). */
const INSIDE_FACE = 0.36;
/** Most hexagons kept per resolution before the table starts over (Jakarta has about 70,000 cells at resolution 10). */
const MAX_KEPT = 1 << 19;

interface Face {
  /** Centre as a unit vector, and its longitude (radians) and the sine and cosine of its latitude. */
  x: number;
  y: number;
  z: number;
  lng: number;
  sinLat: number;
  cosLat: number;
  /** Azimuth of the face's lattice i axis (towards one of its vertices). */
  axis: number;
}

const unitVector = (lat: number, lng: number): [number, number, number] => [Math.cos(lng) * Math.cos(lat), Math.sin(lng) * Math.cos(lat), Math.sin(lat)];

/** Azimuth from (lat1, lng1) to (lat2, lng2), radians east of north. */
function azimuth(sinLat1: number, cosLat1: number, lng1: number, lat2: number, lng2: number): number {
  return Math.atan2(Math.cos(lat2) * Math.sin(lng2 - lng1), cosLat1 * Math.sin(lat2) - sinLat1 * Math.cos(lat2) * Math.cos(lng2 - lng1));
}

const TWO_PI = 2 * Math.PI;
const positive = (a: number): number => (a < 0 ? a + TWO_PI : a >= TWO_PI ? a - TWO_PI : a);

/** The 20 faces, from the icosahedron's vertices (h3-js's 12 resolution-0 pentagons): each face is three mutually neighbouring vertices, its centre their normalised sum, and its lattice's i axis points at one of them. */
function readFaces(): Face[] {
  const vertices = getPentagons(0).map((c) => {
    const [lat, lng] = cellToLatLng(c).map((d) => d * RAD);
    return { lat, lng, v: unitVector(lat, lng) };
  });
  const dot = (a: number[], b: number[]) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  // Neighbouring vertices are 63.4° apart; the others 116.6° or 180°.
  const near = (a: number, b: number) => dot(vertices[a].v, vertices[b].v) > Math.cos(70 * RAD);
  const faces: Face[] = [];
  for (let a = 0; a < vertices.length; a++)
    for (let b = a + 1; b < vertices.length; b++)
      for (let c = b + 1; c < vertices.length; c++) {
        if (!near(a, b) || !near(b, c) || !near(a, c)) continue;
        const s = [0, 1, 2].map((k) => vertices[a].v[k] + vertices[b].v[k] + vertices[c].v[k]);
        const len = Math.hypot(s[0], s[1], s[2]);
        const [x, y, z] = s.map((k) => k / len);
        const lat = Math.asin(z);
        const lng = Math.atan2(y, x);
        const sinLat = Math.sin(lat);
        const cosLat = Math.cos(lat);
        const axis = positive(azimuth(sinLat, cosLat, lng, vertices[a].lat, vertices[a].lng));
        faces.push({ x, y, z, lng, sinLat, cosLat, axis });
      }
  return faces;
}

/** An open-addressed table from (face, i, j) of one resolution to its cell. */
class HexTable {
  private mask: number;
  private face: Int8Array;
  private is: Int32Array;
  private js: Int32Array;
  private cells: Array<string | undefined>;
  private size = 0;

  constructor(private readonly capacity = 1 << 12) {
    this.mask = capacity - 1;
    this.face = new Int8Array(capacity).fill(-1);
    this.is = new Int32Array(capacity);
    this.js = new Int32Array(capacity);
    this.cells = new Array(capacity);
  }

  private slot(face: number, i: number, j: number): number {
    let h = (Math.imul(i, 0x9e3779b1) ^ Math.imul(j, 0x85ebca6b) ^ Math.imul(face + 1, 0xc2b2ae35)) >>> 0;
    h = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const f = this.face[h];
      if (f === -1 || (f === face && this.is[h] === i && this.js[h] === j)) return h;
      h = (h + 1) & this.mask;
    }
  }

  get(face: number, i: number, j: number): string | undefined {
    return this.cells[this.slot(face, i, j)];
  }

  set(face: number, i: number, j: number, cell: string): void {
    if (this.size * 2 >= this.capacity) {
      if (this.capacity >= MAX_KEPT * 2) this.clear();
      else this.grow();
    }
    const s = this.slot(face, i, j);
    if (this.face[s] === -1) this.size++;
    this.face[s] = face;
    this.is[s] = i;
    this.js[s] = j;
    this.cells[s] = cell;
  }

  private clear(): void {
    this.face.fill(-1);
    this.cells.fill(undefined);
    this.size = 0;
  }

  private grow(): void {
    const { face, is, js, cells } = this;
    const capacity = this.capacity * 2;
    Object.assign(this, { capacity, mask: capacity - 1, size: 0, face: new Int8Array(capacity).fill(-1), is: new Int32Array(capacity), js: new Int32Array(capacity), cells: new Array(capacity) });
    for (let s = 0; s < face.length; s++) if (face[s] !== -1) this.set(face[s], is[s], js[s], cells[s] as string);
  }
}

export interface LatticeCells {
  h3_7: string;
  h3_8: string;
  h3_9: string;
  h3_10: string;
}

export class CellLattice {
  private readonly faces = readFaces();
  private readonly tables: HexTable[] = [];
  private readonly scale: number[] = [];
  /** The point projected last: its face, and where it lies at unit scale in the lattice of even and of odd resolutions. */
  private face = -1;
  /** Its angular distance from the face centre, radians. */
  private dist = 0;
  private ex = 0;
  private ey = 0;
  private ox = 0;
  private oy = 0;
  /** The hexagon found last (hexAt). */
  private hexI = 0;
  private hexJ = 0;
  /** How far from its hexagon's centre the point lies (the largest of its offsets across the three axes). */
  private offset = 0;
  /** False when the faces read from h3-js do not reproduce it on sample points: every point then asks h3-js. */
  readonly usable: boolean;
  /** Calls made to latLngToCell after the start: new hexagons, and points too near an edge. */
  asked = 0;

  constructor() {
    for (const r of RESOLUTIONS) {
      this.tables[r] = new HexTable();
      this.scale[r] = Math.pow(Math.sqrt(7), r);
    }
    this.usable = this.faces.length === 20 && this.selfCheck();
  }

  /** The point's cells at resolutions 7 to 10, each exactly what latLngToCell gives. */
  cells(lat: number, lng: number): LatticeCells {
    const projected = this.usable && this.project(lat, lng);
    return {
      h3_7: this.cellAt(7, lat, lng, projected),
      h3_8: this.cellAt(8, lat, lng, projected),
      h3_9: this.cellAt(9, lat, lng, projected),
      h3_10: this.cellAt(10, lat, lng, projected),
    };
  }

  /** latLngToCell(lat, lng, res) for res 7 to 10. */
  cell(lat: number, lng: number, res: LatticeRes): string {
    return this.cellAt(res, lat, lng, this.usable && this.project(lat, lng));
  }

  private cellAt(res: LatticeRes, lat: number, lng: number, projected: boolean): string {
    this.asked++;
    if (!projected || !this.hexAt(res)) return latLngToCell(lat, lng, res);
    const { face, hexI: i, hexJ: j } = this;
    const table = this.tables[res];
    const known = table.get(face, i, j);
    if (known !== undefined) {
      this.asked--;
      return known;
    }
    const cell = latLngToCell(lat, lng, res);
    // Kept only when the cell's own centre projects onto this hexagon's centre (a cell across a face edge never does).
    const { ex, ey, ox, oy } = this;
    if (this.centredAt(cell, res, face, i, j)) table.set(face, i, j, cell);
    Object.assign(this, { face, ex, ey, ox, oy });
    return cell;
  }

  /** Whether the cell's centre projects onto the centre of hexagon (face, i, j): where it does, this lattice is h3-js's. */
  private centredAt(cell: string, res: LatticeRes, face: number, i: number, j: number): boolean {
    const [lat, lng] = cellToLatLng(cell);
    return this.project(lat, lng) && this.face === face && this.hexAt(res) && this.hexI === i && this.hexJ === j && this.offset < CENTRE_TOLERANCE;
  }

  /** Projects the point onto its face; false when it is not a valid coordinate or about as near to two face centres. */
  private project(latDeg: number, lngDeg: number): boolean {
    if (!(Math.abs(latDeg) <= 90 && Math.abs(lngDeg) <= 180)) return false;
    const lat = latDeg * RAD;
    const lng = lngDeg * RAD;
    const cosLat = Math.cos(lat);
    const px = Math.cos(lng) * cosLat;
    const py = Math.sin(lng) * cosLat;
    const pz = Math.sin(lat);
    let best = 0;
    let bestSq = Infinity;
    let secondSq = Infinity;
    for (let f = 0; f < this.faces.length; f++) {
      const c = this.faces[f];
      const dx = c.x - px;
      const dy = c.y - py;
      const dz = c.z - pz;
      const sq = dx * dx + dy * dy + dz * dz;
      if (sq < bestSq) {
        secondSq = bestSq;
        bestSq = sq;
        best = f;
      } else if (sq < secondSq) secondSq = sq;
    }
    if (secondSq - bestSq < FACE_MARGIN) return false;
    const face = this.faces[best];
    // Angular distance from the face centre (chord to angle), then gnomonic, in resolution-0 lattice units.
    const dist = Math.acos(1 - bestSq / 2);
    if (dist < 1e-9) return false;
    const g = Math.tan(dist) / RES0_UNIT;
    const theta = face.axis - azimuth(face.sinLat, face.cosLat, face.lng, lat, lng);
    this.face = best;
    this.dist = dist;
    this.ex = g * Math.cos(theta);
    this.ey = g * Math.sin(theta);
    this.ox = g * Math.cos(theta - AP7_TURN);
    this.oy = g * Math.sin(theta - AP7_TURN);
    return true;
  }

  /** The hexagon of the projected point at `res`; false when the point is within MARGIN of its edge. */
  private hexAt(res: LatticeRes): boolean {
    const k = this.scale[res];
    const x = (res % 2 === 0 ? this.ex : this.ox) * k;
    const y = (res % 2 === 0 ? this.ey : this.oy) * k;
    // Nearest lattice centre (centres at i·(1, 0) + j·(−½, √3/2)), by cube rounding in the 60° basis (1, 0), (½, √3/2),
    // where the centre (i, j) is (q, r) = (i − j, j).
    const r = y / SQRT3_2;
    const q = x - r / 2;
    const s = -q - r;
    let rq = Math.round(q);
    let rr = Math.round(r);
    const rs = Math.round(s);
    const dq = Math.abs(rq - q);
    const dr = Math.abs(rr - r);
    const ds = Math.abs(rs - s);
    if (dq > dr && dq > ds) rq = -rr - rs;
    else if (dr > ds) rr = -rq - rs;
    const i = rq + rr;
    const j = rr;
    // Inside the hexagon with room to spare: its edges lie half a unit from the centre, across the three axes.
    const dx = x - (i - j / 2);
    const dy = y - j * SQRT3_2;
    const offset = Math.max(Math.abs(dx), Math.abs(0.5 * dx + SQRT3_2 * dy), Math.abs(0.5 * dx - SQRT3_2 * dy));
    if (offset > 0.5 - MARGIN) return false;
    this.offset = offset;
    this.hexI = i;
    this.hexJ = j;
    return true;
  }

  /**
   * Whether the lattice matches h3-js: for sample points well inside a face (its edges are 20.9° from the centre at
   * the nearest, so these cells lie wholly on it), the centre of the point's cell projects onto its hexagon's centre.
   * Not near the poles, where cellToLatLng's latitude (an arcsine near ±1) is good to millimetres only.
   */
  private selfCheck(): boolean {
    for (let k = 0; k < 500; k++) {
      const lat = Math.asin(2 * ((k * 0.6180339887498949) % 1) - 1) / RAD;
      const lng = ((k * 0.7548776662466927) % 1) * 360 - 180;
      if (Math.abs(lat) > 80) continue;
      for (const res of RESOLUTIONS) {
        if (!this.project(lat, lng) || this.dist > INSIDE_FACE || !this.hexAt(res)) continue;
        if (!this.centredAt(latLngToCell(lat, lng, res), res, this.face, this.hexI, this.hexJ)) return false;
      }
    }
    return true;
  }
}

let shared: CellLattice | null = null;

/** latLngToCell of the point at resolutions 7 to 10 (one lattice for the process, built on first use). */
export function pointCells(lat: number, lng: number): LatticeCells {
  shared ??= new CellLattice();
  return shared.cells(lat, lng);
}
