// Pure: the focus-area editor's draft (form fields and an outline as an open ring of [lng, lat] vertices) and the
// edits made to it on the map, turned into the body the server takes.
import type { MultiPolygon, Polygon } from 'geojson';
import type { FocusAreaCreate, FocusAreaRecord, FocusAreaUpdate } from '../api';

export type LngLat = [number, number];

export interface FocusDraft {
  /** null while creating a new focus area. */
  id: string | null;
  /** The version the draft started from (sent back on save); null for a new one. */
  version: number | null;
  name: string;
  /** One alias per line. */
  aliases: string;
  notes: string;
  /** The outer ring without its closing vertex; empty while a new outline is being drawn. */
  ring: LngLat[];
  /** The outline was changed (so it is sent); false keeps the stored outline as it is, holes and parts included. */
  outlineChanged: boolean;
  /** The stored outline had parts or holes the editor does not show. */
  partsDropped: boolean;
}

export const MIN_VERTICES = 3;

/** The outer ring of the first polygon, open (the closing vertex dropped). */
export function ringOf(g: Polygon | MultiPolygon): LngLat[] {
  const outer = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0];
  const ring = outer.map((p): LngLat => [p[0], p[1]]);
  const [first, last] = [ring[0], ring[ring.length - 1]];
  return ring.length > 1 && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring;
}

export function draftOf(r: FocusAreaRecord): FocusDraft {
  const g = r.geometry;
  const partsDropped = g.type === 'MultiPolygon' ? g.coordinates.length > 1 || g.coordinates[0].length > 1 : g.coordinates.length > 1;
  return { id: r.id, version: r.version, name: r.name, aliases: r.aliases.join('\n'), notes: r.notes, ring: ringOf(g), outlineChanged: false, partsDropped };
}

export function emptyDraft(): FocusDraft {
  return { id: null, version: null, name: '', aliases: '', notes: '', ring: [], outlineChanged: true, partsDropped: false };
}

/** A closed GeoJSON polygon from the open ring. */
export function polygonOf(ring: readonly LngLat[]): Polygon {
  return { type: 'Polygon', coordinates: [[...ring, ring[0]].map(([x, y]) => [x, y])] };
}

export const aliasList = (text: string): string[] =>
  text
    .split('\n')
    .map((a) => a.trim())
    .filter((a) => a !== '');

/** Vertices rounded to 7 decimals (about 1 cm): enough for an outline, and what a person would type. */
const rounded = (ring: readonly LngLat[]): LngLat[] => ring.map(([x, y]) => [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7]);

export function createBody(d: FocusDraft): FocusAreaCreate {
  return { name: d.name, aliases: aliasList(d.aliases), notes: d.notes, geometry: polygonOf(rounded(d.ring)) };
}

export function updateBody(d: FocusDraft, version: number): FocusAreaUpdate {
  const body: FocusAreaUpdate = { version, name: d.name, aliases: aliasList(d.aliases), notes: d.notes };
  return d.outlineChanged ? { ...body, geometry: polygonOf(rounded(d.ring)) } : body;
}

export function withVertexAdded(d: FocusDraft, p: LngLat): FocusDraft {
  return { ...d, ring: [...d.ring, p], outlineChanged: true };
}

/** Inserts a vertex after index `after` (the midpoint handle of the edge from `after` to the next vertex). */
export function withVertexInserted(d: FocusDraft, after: number, p: LngLat): FocusDraft {
  const ring = [...d.ring];
  ring.splice(after + 1, 0, p);
  return { ...d, ring, outlineChanged: true };
}

export function withVertexMoved(d: FocusDraft, index: number, p: LngLat): FocusDraft {
  if (index < 0 || index >= d.ring.length) return d;
  return { ...d, ring: d.ring.map((v, i) => (i === index ? p : v)), outlineChanged: true };
}

/** Removes a vertex unless that would leave fewer than three. */
export function withVertexRemoved(d: FocusDraft, index: number): FocusDraft {
  if (d.ring.length <= MIN_VERTICES || index < 0 || index >= d.ring.length) return d;
  return { ...d, ring: d.ring.filter((_, i) => i !== index), outlineChanged: true };
}

export interface EdgeMidpoint {
  /** The edge starts at this vertex. */
  after: number;
  position: LngLat;
}

/** Handles in the middle of each edge (the closing edge included once the ring has three vertices). */
export function midpointsOf(ring: readonly LngLat[]): EdgeMidpoint[] {
  if (ring.length < 2) return [];
  const edges = ring.length >= MIN_VERTICES ? ring.length : ring.length - 1;
  return Array.from({ length: edges }, (_, i) => {
    const [a, b] = [ring[i], ring[(i + 1) % ring.length]];
    return { after: i, position: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] };
  });
}

/** What stops the draft from being saved, as message keys; the server checks the rest and says why. */
export function draftProblems(d: FocusDraft): Array<'focusEdit.needName' | 'focusEdit.needOutline'> {
  const out: Array<'focusEdit.needName' | 'focusEdit.needOutline'> = [];
  if (d.name.trim() === '') out.push('focusEdit.needName');
  if (d.ring.length < MIN_VERTICES) out.push('focusEdit.needOutline');
  return out;
}
