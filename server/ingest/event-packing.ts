// Event columns packed for the trip from the import thread to the main thread. Copying between threads costs per
// string, and so does making strings: ids travel as one string joined by a separator (split again on arrival), the
// values that repeat (days, kelurahan codes, focus areas, cells) as numbers into a dictionary each side keeps for the
// whole file (a value crosses once, then the main thread reuses its one string), and numbers in typed arrays. A batch
// of 5,000 events crosses as a dozen values, not a hundred thousand.
import type { EventColumns } from '../store/event-columns.js';
import type { TakenTallies } from '../store/event-tallies.js';

/** Between the values of a joined column; no id or cell key holds it (checked: such a column goes as an array). */
const SEP = '\u001f';

/** A text column: joined (null as the empty string, which no packed column holds as a value) or, failing that, as is. */
type TextColumn = string | Array<string | null>;

/** Columns whose values repeat from event to event, sent as dictionary numbers (0 is null). */
const CODED = ['date', 'areaCode', 'focusAreaId', 'h3', 'h3_7', 'h3_8', 'h3_9'] as const;
const NUMBERS = ['type', 'lng', 'lat', 'count', 'synthetic'] as const;

export type PackedEvents = {
  n: number;
  id: TextColumn;
  source: { all: string } | string[];
  /** Values met for the first time in this batch, numbered on from the last batch's. */
  added: string[];
  /** The CODED columns one after another, n numbers each. */
  codes: Uint32Array;
} & Pick<EventColumns, (typeof NUMBERS)[number]>;

function joinColumn(values: ReadonlyArray<string | null>): TextColumn {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === '' || (v !== null && v.includes(SEP))) return values.slice();
  }
  // join writes one flat string (null as ''); adding piece by piece would first build a chain of pieces per value.
  return values.join(SEP);
}

function splitColumn(c: TextColumn, n: number): Array<string | null> {
  if (typeof c !== 'string') return c;
  // One value joins to itself: split would turn an empty column of one null into [''] as well, so both read back.
  return n === 0 ? [] : c.split(SEP).map((v) => (v === '' ? null : v));
}

/** Packs the batches of one file in order; EventUnpacker reads them in the same order. */
export class EventPacker {
  private readonly numbers = new Map<string, number>();

  pack(c: EventColumns): PackedEvents {
    const first = c.source[0];
    const added: string[] = [];
    const codes = new Uint32Array(c.n * CODED.length);
    for (let k = 0; k < CODED.length; k++) {
      const column = c[CODED[k]];
      const base = k * c.n;
      // Files mostly come in date order: a value like the row before's is numbered without a lookup.
      let last: string | null = null;
      let lastCode = 0;
      for (let i = 0; i < c.n; i++) {
        const v = column[i];
        if (v === null) continue;
        if (v !== last) {
          let code = this.numbers.get(v);
          if (code === undefined) {
            code = this.numbers.size + 1;
            this.numbers.set(v, code);
            added.push(v);
          }
          last = v;
          lastCode = code;
        }
        codes[base + i] = lastCode;
      }
    }
    const packed = {
      n: c.n,
      id: joinColumn(c.id),
      source: c.source.every((s) => s === first) ? { all: first ?? '' } : c.source.slice(),
      added,
      codes,
    } as PackedEvents;
    for (const k of NUMBERS) (packed as Record<string, unknown>)[k] = c[k];
    return packed;
  }
}

/** The buffers a packed batch of events owns (its number columns, made for this batch): moved, not copied. */
export const eventBuffers = (p: PackedEvents): ArrayBuffer[] => [...NUMBERS.map((k) => p[k].buffer), p.codes.buffer] as ArrayBuffer[];

export class EventUnpacker {
  private readonly values: Array<string | null> = [null];

  unpack(p: PackedEvents): EventColumns {
    for (const v of p.added) this.values.push(v);
    const values = this.values;
    const coded = (k: (typeof CODED)[number]) => {
      const base = CODED.indexOf(k) * p.n;
      const out = new Array<string | null>(p.n);
      for (let i = 0; i < p.n; i++) out[i] = values[p.codes[base + i]];
      return out;
    };
    return {
      n: p.n,
      id: splitColumn(p.id, p.n) as string[],
      type: p.type,
      date: coded('date') as string[],
      lng: p.lng,
      lat: p.lat,
      areaCode: coded('areaCode'),
      focusAreaId: coded('focusAreaId'),
      h3: coded('h3'),
      h3_7: coded('h3_7'),
      h3_8: coded('h3_8'),
      h3_9: coded('h3_9'),
      count: p.count,
      source: Array.isArray(p.source) ? p.source : new Array<string>(p.n).fill(p.source.all),
      synthetic: p.synthetic,
    };
  }
}

/** Summed tallies for the same trip: the columns TallyDeltas.take hands over, their keys joined into one string. The
 * values go in the buffer they were summed in, moved rather than copied, each row found by its offset. */
export type PackedTallies = Omit<TakenTallies, 'key'> & { key: TextColumn };

export function packTallies(t: TakenTallies): PackedTallies {
  const keys = t.key.length === t.n ? t.key : t.key.slice(0, t.n);
  // A key may be empty (NO_KEY): joined, it reads back as '' all the same, so only the separator forces an array.
  return { ...t, key: keys.some((k) => k.includes(SEP)) ? keys : keys.join(SEP) };
}

/** The buffers a packed batch of tallies owns (the values' too: TallyDeltas.take hands its buffer over): moved, not copied. */
export const tallyBuffers = (p: PackedTallies): ArrayBuffer[] => [p.dim.buffer, p.grain.buffer, p.bucket.buffer, p.offset.buffer, p.values.buffer] as ArrayBuffer[];

export function unpackTallies(p: PackedTallies): TakenTallies {
  const key = typeof p.key === 'string' ? (p.n === 0 ? [] : p.key.split(SEP)) : (p.key as string[]);
  return { ...p, key };
}
