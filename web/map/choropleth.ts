// The choropleth's values and classes: which number each area shows (count or rate) and its colour class.
import type { IndicatorRow, IndicatorsResponse } from '../api';
import type { Classification, IndicatorKind } from '../view-state';
import { classify, classOf, classCount, type Classes } from './classify';
import { NO_DATA, rampColor, type Rgba } from './palette';

/** The shown number for an area, or null when there is none (a rate needs a known population). */
export function valueOf(row: IndicatorRow | undefined, indicator: IndicatorKind): number | null {
  if (!row) return null;
  if (indicator === 'count') return row.total;
  return typeof row.ratePer10k === 'number' && Number.isFinite(row.ratePer10k) ? row.ratePer10k : null;
}

export interface Choropleth {
  classes: Classes | null;
  /** Fill colour per area code; areas missing here are drawn as no-data. */
  colors: Map<string, Rgba>;
  values: Map<string, number | null>;
  noData: number;
}

const cache = new WeakMap<IndicatorsResponse, Map<string, Choropleth>>();

export function choropleth(ind: IndicatorsResponse, indicator: IndicatorKind, method: Classification): Choropleth {
  const key = `${indicator}|${method}`;
  const hit = cache.get(ind)?.get(key);
  if (hit) return hit;
  const values = new Map<string, number | null>(ind.areas.map((a) => [a.code, valueOf(a, indicator)]));
  const finite = [...values.values()].filter((v): v is number => v !== null);
  const classes = classify(finite, method, 5);
  const colors = new Map<string, Rgba>();
  let noData = 0;
  for (const [code, v] of values) {
    if (v === null || classes === null) {
      noData += 1;
      colors.set(code, NO_DATA);
    } else colors.set(code, rampColor(classOf(classes, v), classCount(classes)));
  }
  const result = { classes, colors, values, noData };
  const perResponse = cache.get(ind) ?? new Map<string, Choropleth>();
  perResponse.set(key, result);
  cache.set(ind, perResponse);
  return result;
}
