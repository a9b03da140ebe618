// Loads the three BNN focus areas the project wrote in data/focus-areas.json, validated with zod.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { FocusArea } from '../server/domain/types.js';

const ring = z.array(z.tuple([z.number(), z.number()])).min(4);
const geometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const file = z.object({
  source: z.string(),
  approximate: z.boolean(),
  focusAreas: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string(),
      aliases: z.array(z.string()),
      kelurahanCode: z.string().regex(/^31\.\d{2}\.\d{2}\.\d{4}$/),
      notes: z.string(),
      geometry,
    }),
  ),
});

export function loadFocusAreas(): FocusArea[] {
  const parsed = file.parse(JSON.parse(readFileSync(new URL('./focus-areas.json', import.meta.url), 'utf8')));
  return parsed.focusAreas.map((f) => ({
    id: f.id,
    name: f.name,
    aliases: f.aliases,
    kelurahanCode: f.kelurahanCode,
    notes: f.notes,
    geometry: f.geometry,
    source: parsed.source,
    approximate: parsed.approximate,
  }));
}
