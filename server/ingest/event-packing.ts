// Placed events packed column by column for the trip from the import thread to the main thread. Copying between
// threads costs per string, so each text column travels as one string joined by a separator (split again on arrival)
// and numbers in typed arrays: a batch of ten thousand events crosses as a dozen values, not a hundred thousand.
import { EVENT_TYPES, type CaseEvent, type EventType } from '../domain/types.js';
import type { EventCells, PlacedEvent } from '../store/event-cells.js';

/** Between the values of a joined column; no id, code, date or cell holds it (checked: such a column goes as an array). */
const SEP = '\u001f';

/** A text column: joined (null as the empty string, which no packed column holds as a value) or, failing that, as is. */
type TextColumn = string | Array<string | null>;

export interface PackedEvents {
  n: number;
  /** The same for every event of a streamed file. */
  source: string;
  synthetic: boolean;
  id: TextColumn;
  /** Index into EVENT_TYPES. */
  type: Uint8Array;
  date: TextColumn;
  /** NaN where the event has no location. */
  lng: Float64Array;
  lat: Float64Array;
  areaCode: TextColumn;
  focusAreaId: TextColumn;
  h3: TextColumn;
  h3_7: TextColumn;
  h3_8: TextColumn;
  h3_9: TextColumn;
  count: Float64Array;
}

function joinColumn(values: Array<string | null>): TextColumn {
  let joined = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === '' || (v !== null && v.includes(SEP))) return values;
    joined += i === 0 ? (v ?? '') : SEP + (v ?? '');
  }
  return joined;
}

function splitColumn(c: TextColumn, n: number): Array<string | null> {
  if (typeof c !== 'string') return c;
  // One value joins to itself: split would turn an empty column of one null into [''] as well, so both read back.
  return n === 0 ? [] : c.split(SEP).map((v) => (v === '' ? null : v));
}

/** Packs events with their cells (cells[i] belongs to events[i]); all of one source. */
export function packEvents(events: readonly CaseEvent[], cells: readonly EventCells[]): PackedEvents {
  const n = events.length;
  const source = n > 0 ? events[0].source : '';
  const synthetic = n > 0 ? events[0].synthetic : false;
  const text = (get: (i: number) => string | null) => {
    const values: Array<string | null> = new Array(n);
    for (let i = 0; i < n; i++) values[i] = get(i);
    return joinColumn(values);
  };
  const type = new Uint8Array(n);
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const count = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = events[i];
    if (e.source !== source || e.synthetic !== synthetic) throw new Error('packEvents: one batch, one source');
    type[i] = EVENT_TYPES.indexOf(e.type);
    lng[i] = e.location ? e.location[0] : NaN;
    lat[i] = e.location ? e.location[1] : NaN;
    count[i] = e.count;
  }
  return {
    n,
    source,
    synthetic,
    id: text((i) => events[i].id),
    type,
    date: text((i) => events[i].date),
    lng,
    lat,
    areaCode: text((i) => events[i].areaCode),
    focusAreaId: text((i) => events[i].focusAreaId),
    h3: text((i) => events[i].h3),
    h3_7: text((i) => cells[i].h3_7),
    h3_8: text((i) => cells[i].h3_8),
    h3_9: text((i) => cells[i].h3_9),
    count,
  };
}

export function unpackEvents(p: PackedEvents): PlacedEvent[] {
  const [id, date, areaCode, focusAreaId, h3, h3_7, h3_8, h3_9] = [p.id, p.date, p.areaCode, p.focusAreaId, p.h3, p.h3_7, p.h3_8, p.h3_9].map((c) =>
    splitColumn(c, p.n),
  );
  const out: PlacedEvent[] = new Array(p.n);
  for (let i = 0; i < p.n; i++) {
    out[i] = {
      id: id[i] as string,
      type: EVENT_TYPES[p.type[i]] as EventType,
      date: date[i] as string,
      location: Number.isNaN(p.lng[i]) ? null : [p.lng[i], p.lat[i]],
      areaCode: areaCode[i],
      focusAreaId: focusAreaId[i],
      h3: h3[i],
      count: p.count[i],
      source: p.source,
      synthetic: p.synthetic,
      cells: { h3_7: h3_7[i], h3_8: h3_8[i], h3_9: h3_9[i] },
    };
  }
  return out;
}
