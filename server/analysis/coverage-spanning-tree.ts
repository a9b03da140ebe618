// The spanning-tree bookkeeping of the primal network simplex: parent, predecessor arc and direction, preorder thread, subtree sizes and last successors, updated in time proportional to the moved subtree's stem (Ahuja, Magnanti and Orlin 1993, sec. 11.11; ported from LEMON's NetworkSimplex::updateTreeStructure, Boost licence).

export const UP = 1;
export const DOWN = -1;

/** A rooted spanning tree in the arrays network simplex walks; `parent[root]` is -1. */
export interface SpanningTree {
  readonly root: number;
  readonly parent: Int32Array;
  /** Arc joining each node to its parent. */
  readonly pred: Int32Array;
  /** UP when `pred[u]` points from u to its parent, DOWN otherwise. */
  readonly predDir: Int8Array;
  /** Preorder successor of each node; circular through the root. */
  readonly thread: Int32Array;
  readonly revThread: Int32Array;
  /** Number of nodes in each subtree, the node included. */
  readonly succNum: Int32Array;
  /** Last node of each subtree in thread order. */
  readonly lastSucc: Int32Array;
  readonly dirty: Int32Array;
}

/** One basis exchange: `inArc` enters between `uIn` (which gets `vIn` as parent) and leaves at `uOut`'s parent arc. */
export interface TreeMove {
  readonly inArc: number;
  readonly join: number;
  readonly uIn: number;
  readonly vIn: number;
  readonly uOut: number;
}

/** The star tree: every node but the root hangs from the root by `rootArc[u]`. */
export function starTree(nodeCount: number, root: number, rootArc: Int32Array, source: Int32Array, target: Int32Array): SpanningTree {
  const tree: SpanningTree = {
    root,
    parent: new Int32Array(nodeCount),
    pred: new Int32Array(nodeCount),
    predDir: new Int8Array(nodeCount),
    thread: new Int32Array(nodeCount),
    revThread: new Int32Array(nodeCount),
    succNum: new Int32Array(nodeCount),
    lastSucc: new Int32Array(nodeCount),
    dirty: new Int32Array(nodeCount + 1),
  };
  const { parent, pred, predDir, thread, revThread, succNum, lastSucc } = tree;
  parent[root] = -1;
  pred[root] = -1;
  succNum[root] = nodeCount;
  let prev = root;
  for (let u = 0; u < nodeCount; u++) {
    if (u === root) continue;
    const e = rootArc[u];
    if (!(source[e] === u && target[e] === root) && !(source[e] === root && target[e] === u)) throw new Error(`rootArc[${u}] does not join node ${u} to the root`);
    parent[u] = root;
    pred[u] = e;
    succNum[u] = 1;
    lastSucc[u] = u;
    predDir[u] = source[e] === u ? UP : DOWN;
    thread[prev] = u;
    revThread[u] = prev;
    prev = u;
  }
  thread[prev] = root;
  revThread[root] = prev;
  lastSucc[root] = prev;
  return tree;
}

/** Replaces the parent arc of `uOut` by `inArc`, re-hanging the stem from `uOut` to `uIn` under `vIn`. */
export function exchangeTreeArc(tree: SpanningTree, source: Int32Array, move: TreeMove): void {
  const { parent, pred, predDir, thread, revThread, succNum, lastSucc, dirty } = tree;
  const { inArc, join, uIn, vIn, uOut } = move;
  const oldRevThread = revThread[uOut];
  const oldSuccNum = succNum[uOut];
  const oldLastSucc = lastSucc[uOut];
  const vOut = parent[uOut];

  if (uIn === uOut) {
    parent[uIn] = vIn;
    pred[uIn] = inArc;
    predDir[uIn] = uIn === source[inArc] ? UP : DOWN;
    if (thread[vIn] !== uOut) {
      let after = thread[oldLastSucc];
      thread[oldRevThread] = after;
      revThread[after] = oldRevThread;
      after = thread[vIn];
      thread[vIn] = uOut;
      revThread[uOut] = vIn;
      thread[oldLastSucc] = after;
      revThread[after] = oldLastSucc;
    }
  } else {
    const threadContinue = oldRevThread === vIn ? thread[oldLastSucc] : thread[vIn];
    let stem = uIn;
    let parStem = vIn;
    let last = lastSucc[uIn];
    let after = thread[last];
    thread[vIn] = uIn;
    let nDirty = 0;
    dirty[nDirty++] = vIn;
    while (stem !== uOut) {
      const nextStem = parent[stem];
      thread[last] = nextStem;
      dirty[nDirty++] = last;
      const before = revThread[stem];
      thread[before] = after;
      revThread[after] = before;
      parent[stem] = parStem;
      parStem = stem;
      stem = nextStem;
      last = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
      after = thread[last];
    }
    parent[uOut] = parStem;
    thread[last] = threadContinue;
    revThread[threadContinue] = last;
    lastSucc[uOut] = last;
    if (oldRevThread !== vIn) {
      thread[oldRevThread] = after;
      revThread[after] = oldRevThread;
    }
    for (let k = 0; k < nDirty; k++) revThread[thread[dirty[k]]] = dirty[k];

    let tmpSc = 0;
    const tmpLs = lastSucc[uOut];
    for (let u = uOut, p = parent[u]; u !== uIn; u = p, p = parent[u]) {
      pred[u] = pred[p];
      predDir[u] = -predDir[p];
      tmpSc += succNum[u] - succNum[p];
      succNum[u] = tmpSc;
      lastSucc[p] = tmpLs;
    }
    pred[uIn] = inArc;
    predDir[uIn] = uIn === source[inArc] ? UP : DOWN;
    succNum[uIn] = oldSuccNum;
  }

  const upLimitOut = lastSucc[join] === vIn ? join : -1;
  const lastSuccOut = lastSucc[uOut];
  for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]) lastSucc[u] = lastSuccOut;
  if (join !== oldRevThread && vIn !== oldRevThread) {
    for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) lastSucc[u] = oldRevThread;
  } else if (lastSuccOut !== oldLastSucc) {
    for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]) lastSucc[u] = lastSuccOut;
  }
  for (let u = vIn; u !== join; u = parent[u]) succNum[u] += oldSuccNum;
  for (let u = vOut; u !== join; u = parent[u]) succNum[u] -= oldSuccNum;
}
