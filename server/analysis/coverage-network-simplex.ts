// Primal network simplex for min-cost flow with lexicographic two-level arc costs (Ahuja, Magnanti and Orlin, "Network Flows", 1993, ch. 11; strongly feasible trees after Cunningham 1976; block-search pivoting ported from LEMON's NetworkSimplex, Kiraly and Kovacs 2012, Boost licence).
import { DOWN, exchangeTreeArc, starTree, UP } from './coverage-spanning-tree.js';

/**
 * A network with a feasible starting flow whose spanning tree is a star: every node other than
 * `root` is joined to it by `rootArc[u]`, and every arc not in that star carries zero flow.
 * Costs are pairs compared lexicographically: `primary` must be whole numbers (so comparisons on
 * it are exact), `secondary` any finite reals. This solves "first minimise primary, then
 * secondary" exactly, with no big-M weight.
 */
export interface StarNetwork {
  readonly nodeCount: number;
  readonly root: number;
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Upper bounds; Infinity for none. Lower bounds are zero. */
  readonly capacity: Float64Array;
  readonly primaryCost: Float64Array;
  readonly secondaryCost: Float64Array;
  readonly flow: Float64Array;
  /** For each node, the star arc joining it to the root; ignored at the root. */
  readonly rootArc: Int32Array;
}

export interface NetworkSimplexResult {
  readonly flow: Float64Array;
  readonly pivots: number;
}

const UPPER = -1;
const TREE = 0;
const LOWER = 1;

/** Optimal flow of the network, lexicographically by (primary, secondary) cost. */
export function networkSimplex(net: StarNetwork): NetworkSimplexResult {
  const n = net.nodeCount;
  const m = net.source.length;
  const root = net.root;
  const { source, target, capacity: cap, primaryCost: cP, secondaryCost: cS } = net;
  const flow = Float64Array.from(net.flow);
  let maxCost = 1;
  for (let e = 0; e < m; e++) {
    if (!Number.isInteger(cP[e]) || !Number.isFinite(cS[e])) throw new Error(`arc ${e}: primary cost must be a whole number and secondary cost finite`);
    maxCost = Math.max(maxCost, Math.abs(cS[e]));
  }
  // Secondary reduced costs carry rounding from potentials summed along tree paths; within this of zero is not an improvement.
  const eps = 1e-11 * maxCost;

  const tree = starTree(n, root, net.rootArc, source, target);
  const { parent, pred, predDir, thread, succNum, lastSucc } = tree;
  const state = new Int8Array(m).fill(LOWER);
  // Potentials make every tree arc's reduced cost zero: pi[target] = pi[source] + cost.
  const piP = new Float64Array(n);
  const piS = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    if (u === root) continue;
    state[pred[u]] = TREE;
    piP[u] = -predDir[u] * cP[pred[u]];
    piS[u] = -predDir[u] * cS[pred[u]];
  }
  for (let e = 0; e < m; e++) {
    if (state[e] !== TREE && flow[e] !== 0) throw new Error('the starting flow must be zero off the star tree');
  }

  let inArc = -1;
  let join = -1;
  let uIn = -1;
  let vIn = -1;
  let uOut = -1;
  let delta = 0;
  let nextArc = 0;
  const blockSize = Math.max(10, Math.ceil(Math.sqrt(m)));

  function findEnteringArc(): boolean {
    let minP = 0;
    let minS = -eps;
    let found = false;
    let cnt = blockSize;
    let e = nextArc;
    for (let k = 0; k < m; k++) {
      const st = state[e];
      if (st !== TREE) {
        const rp = st * (cP[e] + piP[source[e]] - piP[target[e]]);
        if (rp <= minP) {
          const rs = st * (cS[e] + piS[source[e]] - piS[target[e]]);
          if (rp < minP || rs < minS) {
            minP = rp;
            minS = rs;
            inArc = e;
            found = true;
          }
        }
      }
      if (++e === m) e = 0;
      if (--cnt === 0) {
        if (found) break;
        cnt = blockSize;
      }
    }
    nextArc = e;
    return found;
  }

  function findJoinNode(): void {
    let u = source[inArc];
    let v = target[inArc];
    while (u !== v) {
      if (succNum[u] < succNum[v]) u = parent[u];
      else v = parent[v];
    }
    join = u;
  }

  /** Strongly feasible ratio test; false when the entering arc itself blocks (it flips bound). */
  function findLeavingArc(): boolean {
    const first = state[inArc] === LOWER ? source[inArc] : target[inArc];
    const second = state[inArc] === LOWER ? target[inArc] : source[inArc];
    delta = cap[inArc];
    let result = 0;
    for (let u = first; u !== join; u = parent[u]) {
      const e = pred[u];
      const d = Math.max(0, predDir[u] === DOWN ? cap[e] - flow[e] : flow[e]);
      if (d < delta) {
        delta = d;
        uOut = u;
        result = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u]) {
      const e = pred[u];
      const d = Math.max(0, predDir[u] === UP ? cap[e] - flow[e] : flow[e]);
      if (d <= delta) {
        delta = d;
        uOut = u;
        result = 2;
      }
    }
    uIn = result === 1 ? first : second;
    vIn = result === 1 ? second : first;
    return result !== 0;
  }

  function changeFlow(change: boolean): void {
    if (delta > 0) {
      const val = state[inArc] * delta;
      flow[inArc] += val;
      for (let u = source[inArc]; u !== join; u = parent[u]) flow[pred[u]] -= predDir[u] * val;
      for (let u = target[inArc]; u !== join; u = parent[u]) flow[pred[u]] += predDir[u] * val;
    }
    if (change) {
      state[inArc] = TREE;
      const e = pred[uOut];
      // Snap the blocking arc onto the bound it reached, so rounding never leaves it just inside.
      if (flow[e] <= cap[e] - flow[e]) {
        flow[e] = 0;
        state[e] = LOWER;
      } else {
        flow[e] = cap[e];
        state[e] = UPPER;
      }
    } else {
      state[inArc] = -state[inArc];
      flow[inArc] = state[inArc] === LOWER ? 0 : cap[inArc];
    }
  }

  function updatePotential(): void {
    const sP = piP[vIn] - piP[uIn] - predDir[uIn] * cP[inArc];
    const sS = piS[vIn] - piS[uIn] - predDir[uIn] * cS[inArc];
    const end = thread[lastSucc[uIn]];
    for (let u = uIn; u !== end; u = thread[u]) {
      piP[u] += sP;
      piS[u] += sS;
    }
  }

  // Strongly feasible trees make degenerate cycling impossible; the cap only guards against a bug.
  const maxPivots = 1000 * (n + m) + 1_000_000;
  let pivots = 0;
  while (findEnteringArc()) {
    findJoinNode();
    const change = findLeavingArc();
    if (delta === Infinity) throw new Error('network simplex: unbounded cycle (a negative-cost cycle without capacity)');
    changeFlow(change);
    if (change) {
      exchangeTreeArc(tree, source, { inArc, join, uIn, vIn, uOut });
      updatePotential();
    }
    if (++pivots > maxPivots) throw new Error('network simplex: pivot limit reached');
  }
  return { flow, pivots };
}
