// Growing a typed array used as a buffer that fills up: the one helper the import's tables and the statistics share.

type Growable = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/** A copy of `a` in an array of the same kind at least twice as long and holding at least `atLeast` elements. */
export function grown<T extends Growable>(a: T, atLeast = a.length + 1): T {
  let size = Math.max(1, a.length * 2);
  while (size < atLeast) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
