// The event types and the four approaches they belong to, re-exported for the client with display colours.
import { APPROACHES, EVENT_TYPES, type Approach, type EventType } from '../server/domain/types';

export { APPROACHES, EVENT_TYPES };
export type { Approach, EventType };

export const APPROACH_IDS: readonly Approach[] = ['preventive', 'early_detection', 'curative', 'enforcement'];

/** One colour per event type (Okabe–Ito-like, distinguishable for common colour-vision deficiencies). */
export const TYPE_COLORS: Record<EventType, string> = {
  prevention: '#3b8f5f',
  early_detection: '#d99a1e',
  user_case: '#c8455a',
  rehab_intake: '#3a75b0',
  dealer_arrest: '#5e4b8b',
};

export function isEventType(s: string): s is EventType {
  return EVENT_TYPES.some((t) => t === s);
}
