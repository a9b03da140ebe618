// Event columns packed for the trip from the import thread to the main thread. Copying between threads costs per
// string, so each text column travels as one string joined by a separator (split again on arrival) and numbers in
// typed arrays: a batch of ten thousand events crosses as a dozen values, not a hundred thousand.
import type { EventColumns } from '../store/event-columns.js';

/** Between the values of a joined column; no id, code, date or cell holds it (checked: such a column goes as an array). */
const SEP = '\u001f';

/** A text column: joined (null as the empty string, which no packed column holds as a value) or, failing that, as is. */
type TextColumn = string | Array<string | null>;

const TEXT = ['id', 'date', 'areaCode', 'focusAreaId', 'h3', 'h3_7', 'h3_8', 'h3_9'] as const;
const NUMBERS = ['type', 'lng', 'lat', 'count', 'synthetic'] as const;

export type PackedEvents = { n: number; source: { all: string } | string[] } & Record<(typeof TEXT)[number], TextColumn> &
  Pick<EventColumns, (typeof NUMBERS)[number]>;

function joinColumn(values: ReadonlyArray<string | null>): TextColumn {
  let joined = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === '' || (v !== null && v.includes(SEP))) return values.slice();
    joined += i === 0 ? (v ?? '') : SEP + (v ?? '');
  }
  return joined;
}

function splitColumn(c: TextColumn, n: number): Array<string | null> {
  if (typeof c !== 'string') return c;
  // One value joins to itself: split would turn an empty column of one null into [''] as well, so both read back.
  return n === 0 ? [] : c.split(SEP).map((v) => (v === '' ? null : v));
}

export function packEvents(c: EventColumns): PackedEvents {
  const first = c.source[0];
  const packed = {
    n: c.n,
    source: c.source.every((s) => s === first) ? { all: first ?? '' } : c.source.slice(),
  } as PackedEvents;
  for (const k of TEXT) packed[k] = joinColumn(c[k]);
  for (const k of NUMBERS) (packed as Record<string, unknown>)[k] = c[k];
  return packed;
}

export function unpackEvents(p: PackedEvents): EventColumns {
  const text = (k: (typeof TEXT)[number]) => splitColumn(p[k], p.n);
  return {
    n: p.n,
    id: text('id') as string[],
    type: p.type,
    date: text('date') as string[],
    lng: p.lng,
    lat: p.lat,
    areaCode: text('areaCode'),
    focusAreaId: text('focusAreaId'),
    h3: text('h3'),
    h3_7: text('h3_7'),
    h3_8: text('h3_8'),
    h3_9: text('h3_9'),
    count: p.count,
    source: Array.isArray(p.source) ? p.source : new Array<string>(p.n).fill(p.source.all),
    synthetic: p.synthetic,
  };
}
