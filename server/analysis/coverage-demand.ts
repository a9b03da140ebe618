// Rehab demand per area in clients per month, on the basis a planner picks: observed (user cases identified in the
// period, per month) or estimated (population × prevalence × share seeking treatment, spread over a year).
// Default prevalence 3.3% is BNN's 2019 survey figure for DKI Jakarta (Puslitdatin BNN, "Survei Prevalensi
// Penyalahgunaan Narkoba 2019"); the share seeking treatment is a planner's assumption, not a measured figure.

export type DemandBasis = 'observed' | 'estimated';

export const DEMAND_DEFAULTS = {
  prevalence: 0.033,
  treatmentShare: 0.05,
} as const;

export interface DemandUnitInput {
  id: string;
  population: number | null;
  /** User cases identified in the period. */
  observedCases: number;
}

export interface DemandOptions {
  basis: DemandBasis;
  /** Length of the observation period in months (days / 30.4375). */
  months: number;
  prevalence: number;
  treatmentShare: number;
}

/** Clients per month; null when the estimate needs a population the area does not have. */
export function demandPerMonth(unit: DemandUnitInput, o: DemandOptions): number | null {
  if (o.basis === 'observed') return o.months > 0 ? unit.observedCases / o.months : 0;
  if (unit.population === null) return null;
  return (unit.population * o.prevalence * o.treatmentShare) / 12;
}
