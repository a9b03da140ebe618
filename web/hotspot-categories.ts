// The emerging hot spot categories in legend order (ArcGIS Pro's patterns, hot then cold), and a guard for picked objects.
import type { EmergingCategory } from './api';

export const EMERGING_CATEGORIES: readonly EmergingCategory[] = [
  'new_hot',
  'consecutive_hot',
  'intensifying_hot',
  'persistent_hot',
  'diminishing_hot',
  'sporadic_hot',
  'oscillating_hot',
  'historical_hot',
  'new_cold',
  'consecutive_cold',
  'intensifying_cold',
  'persistent_cold',
  'diminishing_cold',
  'sporadic_cold',
  'oscillating_cold',
  'historical_cold',
];

export function isEmergingCategory(s: string): s is EmergingCategory {
  return EMERGING_CATEGORIES.some((c) => c === s);
}
