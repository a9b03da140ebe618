// Queen and rook contiguity weights for polygons (queen: sharing at least one vertex; rook: sharing an edge; as libpysal's Queen and Rook), found through hash maps of rounded vertex and edge keys in time linear in the number of vertices.
import { AnalysisInputError } from './errors.js';
import { assertAreaGeometry, polygonsOf, type AreaGeometry, type Site } from './geometry.js';
import { assertUniqueIds, createRowBuilder, type SpatialWeights } from './weights.js';

export interface ContiguityOptions {
  /** Decimal places vertices are rounded to before comparing; 7 (about 1 cm) by default. */
  readonly precision?: number;
}

type Contiguity = 'queen' | 'rook';

/**
 * For each feature, the ids of the shared elements (vertices or edges) it has, deduplicated; the
 * element ids are dense integers so the rest can work on typed arrays.
 */
function elementsByFeature(features: ReadonlyArray<Site<AreaGeometry>>, kind: Contiguity, precision: number): { lists: Int32Array[]; count: number } {
  const scale = 10 ** precision;
  const vertexIds = new Map<string, number>();
  const edgeIds = new Map<number, number>();
  const lists: Int32Array[] = [];
  let lastFeatureOf = new Int32Array(1024).fill(-1);

  const vertexId = (lng: number, lat: number): number => {
    const key = `${Math.round(lng * scale)},${Math.round(lat * scale)}`;
    let id = vertexIds.get(key);
    if (id === undefined) {
      id = vertexIds.size;
      vertexIds.set(key, id);
    }
    return id;
  };

  features.forEach((feature, f) => {
    const mine: number[] = [];
    const note = (element: number): void => {
      if (element >= lastFeatureOf.length) {
        const grown = new Int32Array(lastFeatureOf.length * 2).fill(-1);
        grown.set(lastFeatureOf);
        lastFeatureOf = grown;
      }
      if (lastFeatureOf[element] !== f) {
        lastFeatureOf[element] = f;
        mine.push(element);
      }
    };
    for (const rings of polygonsOf(feature.geometry)) {
      for (const ring of rings) {
        let prev = vertexId(ring[ring.length - 1][0], ring[ring.length - 1][1]);
        for (const p of ring) {
          const v = vertexId(p[0], p[1]);
          if (kind === 'queen') {
            note(v);
          } else if (v !== prev) {
            // Vertex ids stay far below 2^26, so the pair packs exactly into one double key.
            const key = Math.min(v, prev) * 67108864 + Math.max(v, prev);
            let e = edgeIds.get(key);
            if (e === undefined) {
              e = edgeIds.size;
              edgeIds.set(key, e);
            }
            note(e);
          }
          prev = v;
        }
      }
    }
    lists.push(Int32Array.from(mine));
  });
  return { lists, count: kind === 'queen' ? vertexIds.size : edgeIds.size };
}

function contiguityWeights(features: ReadonlyArray<Site<AreaGeometry>>, kind: Contiguity, options: ContiguityOptions): SpatialWeights {
  const precision = options.precision ?? 7;
  if (!Number.isInteger(precision) || precision < 0 || precision > 12) {
    throw new AnalysisInputError('invalid_parameter', `precision must be an integer from 0 to 12 decimal places, got ${precision}.`);
  }
  const ids = features.map((f) => f.id);
  assertUniqueIds(ids);
  for (const f of features) assertAreaGeometry(f.id, f.geometry);

  const { lists, count } = elementsByFeature(features, kind, precision);
  // Invert feature -> elements into element -> features, CSR style.
  const start = new Int32Array(count + 1);
  for (const list of lists) for (const e of list) start[e + 1]++;
  for (let e = 0; e < count; e++) start[e + 1] += start[e];
  const owners = new Int32Array(start[count]);
  const fill = start.slice(0, count);
  lists.forEach((list, f) => {
    for (const e of list) owners[fill[e]++] = f;
  });

  const builder = createRowBuilder(ids);
  const lastRowOf = new Int32Array(features.length).fill(-1);
  for (let f = 0; f < features.length; f++) {
    lastRowOf[f] = f;
    for (const e of lists[f]) {
      for (let t = start[e]; t < start[e + 1]; t++) {
        const g = owners[t];
        if (lastRowOf[g] !== f) {
          lastRowOf[g] = f;
          builder.add(g, 1);
        }
      }
    }
    builder.endRow();
  }
  return builder.finish();
}

/** Binary queen contiguity: features are neighbours when they share at least one (rounded) vertex. */
export function queenWeights(features: ReadonlyArray<Site<AreaGeometry>>, options: ContiguityOptions = {}): SpatialWeights {
  return contiguityWeights(features, 'queen', options);
}

/**
 * Binary rook contiguity: features are neighbours when they share an edge, i.e. the same two
 * consecutive (rounded) vertices; an edge split by an extra vertex on one side only does not match.
 */
export function rookWeights(features: ReadonlyArray<Site<AreaGeometry>>, options: ContiguityOptions = {}): SpatialWeights {
  return contiguityWeights(features, 'rook', options);
}
