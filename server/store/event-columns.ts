// Events column by column, as both stores write them: one array per stored column instead of an object per event.
// A streamed import builds them in its thread (event-packing.ts carries them across), so the thread that writes
// walks arrays straight into its insert statements; events given as objects are turned into columns first.
import { EVENT_TYPES, type CaseEvent, type EventType } from '../domain/types.js';
import { eventCells, type EventCells, type PlacedEvent } from './event-cells.js';
import type { TalliedEvent } from './event-tallies.js';

export interface EventColumns {
  n: number;
  id: string[];
  /** Index into EVENT_TYPES. */
  type: Uint8Array;
  date: string[];
  /** NaN where the event has no location. */
  lng: Float64Array;
  lat: Float64Array;
  areaCode: Array<string | null>;
  focusAreaId: Array<string | null>;
  /** Cell at resolution 10 (the event's own), then at 7, 8 and 9. */
  h3: Array<string | null>;
  h3_7: Array<string | null>;
  h3_8: Array<string | null>;
  h3_9: Array<string | null>;
  count: Float64Array;
  source: string[];
  synthetic: Uint8Array;
}

const TYPE_INDEX = new Map<string, number>(EVENT_TYPES.map((t, i) => [t, i]));

/** Empty columns for n events, filled by the caller. */
export function eventColumns(n: number): EventColumns {
  return {
    n,
    id: new Array(n),
    type: new Uint8Array(n),
    date: new Array(n),
    lng: new Float64Array(n),
    lat: new Float64Array(n),
    areaCode: new Array(n),
    focusAreaId: new Array(n),
    h3: new Array(n),
    h3_7: new Array(n),
    h3_8: new Array(n),
    h3_9: new Array(n),
    count: new Float64Array(n),
    source: new Array(n),
    synthetic: new Uint8Array(n),
  };
}

/** Sets event i of the columns; `cells` are its cells at 7 to 9 (found when not given). */
export function setEvent(c: EventColumns, i: number, e: CaseEvent, cells: EventCells = eventCells(e)): void {
  const t = TYPE_INDEX.get(e.type);
  if (t === undefined) throw new Error(`unknown event type "${e.type}"`);
  c.id[i] = e.id;
  c.type[i] = t;
  c.date[i] = e.date;
  c.lng[i] = e.location ? e.location[0] : NaN;
  c.lat[i] = e.location ? e.location[1] : NaN;
  c.areaCode[i] = e.areaCode;
  c.focusAreaId[i] = e.focusAreaId;
  c.h3[i] = e.h3;
  c.h3_7[i] = cells.h3_7;
  c.h3_8[i] = cells.h3_8;
  c.h3_9[i] = cells.h3_9;
  c.count[i] = e.count;
  c.source[i] = e.source;
  c.synthetic[i] = e.synthetic ? 1 : 0;
}

export function toEventColumns(events: readonly CaseEvent[]): EventColumns {
  const c = eventColumns(events.length);
  for (let i = 0; i < events.length; i++) setEvent(c, i, events[i]);
  return c;
}

/** Event i of the columns as an object, its cells included. */
export function eventAt(c: EventColumns, i: number): PlacedEvent {
  return {
    id: c.id[i],
    type: EVENT_TYPES[c.type[i]] as EventType,
    date: c.date[i],
    location: Number.isNaN(c.lng[i]) ? null : [c.lng[i], c.lat[i]],
    areaCode: c.areaCode[i],
    focusAreaId: c.focusAreaId[i],
    h3: c.h3[i],
    count: c.count[i],
    source: c.source[i],
    synthetic: c.synthetic[i] === 1,
    cells: { h3_7: c.h3_7[i], h3_8: c.h3_8[i], h3_9: c.h3_9[i] },
  };
}

export function fromEventColumns(c: EventColumns): PlacedEvent[] {
  const out = new Array<PlacedEvent>(c.n);
  for (let i = 0; i < c.n; i++) out[i] = eventAt(c, i);
  return out;
}

/** What the tallies see of event i; written into `into` when given (no new object per event). */
export function talliedAt(c: EventColumns, i: number, into?: TalliedEvent): TalliedEvent {
  const t = into ?? ({} as TalliedEvent);
  t.type = EVENT_TYPES[c.type[i]] as EventType;
  t.date = c.date[i];
  t.areaCode = c.areaCode[i];
  t.focusAreaId = c.focusAreaId[i];
  t.h3_7 = c.h3_7[i];
  t.h3_8 = c.h3_8[i];
  t.h3_9 = c.h3_9[i];
  t.h3_10 = c.h3[i];
  t.count = c.count[i];
  t.synthetic = c.synthetic[i] === 1;
  return t;
}
