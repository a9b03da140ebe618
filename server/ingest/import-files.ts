// The files an import reads: bytes already in memory (uploads, tests) or a path on disk, read whole or in pieces.
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';

export const IMPORT_KINDS = ['boundaries', 'facilities', 'population', 'events'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One file to import: its bytes, or a path to read them from (event CSVs are then read in pieces, never whole). */
export type ImportItem = { kind: ImportKind; fileName: string } & (
  | {
      bytes: Uint8Array;
      /**
       * The bytes are this import's alone (an upload): a file read in a worker thread is moved there instead of
       * copied, so a large upload is not held twice. The caller must not use them afterwards.
       */
      handOver?: boolean;
    }
  | { path: string }
);

/**
 * Pieces handed to the CSV reader: enough to amortise the parser's calls, and small enough that the text of a piece
 * stays below V8's large-object size (128 KB). Larger texts each get fresh memory pages from the system and give them
 * back after the next collection; at 1 MB pieces the 1M-row import took 3–6% longer in alternating runs, and 20–60 MB
 * more peak memory.
 */
const PIECE_BYTES = 64 * 1024;

export function itemSize(item: ImportItem): number {
  return 'bytes' in item ? item.bytes.byteLength : statSync(item.path).size;
}

/** The first `n` bytes (to tell the format). */
export function itemHead(item: ImportItem, n = 4096): Uint8Array {
  if ('bytes' in item) return item.bytes.subarray(0, n);
  const fd = openSync(item.path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

export function itemBytes(item: ImportItem): Uint8Array {
  return 'bytes' in item ? item.bytes : readFileSync(item.path);
}

/** The file in pieces of PIECE_BYTES: views of the bytes in memory, or reads from disk. */
export async function* itemChunks(item: ImportItem): AsyncGenerator<Uint8Array> {
  if ('bytes' in item) {
    for (let i = 0; i < item.bytes.byteLength; i += PIECE_BYTES) yield item.bytes.subarray(i, i + PIECE_BYTES);
    return;
  }
  const stream = createReadStream(item.path, { highWaterMark: PIECE_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } finally {
    stream.destroy();
  }
}
