// Period presets, month arithmetic and period descriptions, with calendar edge cases (year ends, leap years).
import { describe, expect, test } from 'vitest';
import { addMonths, describePeriod, lastDayOfMonth, monthPeriod, monthsBetween, presetPeriod, yearPeriod } from '../../web/date-range';
import { nextPlaybackMonth } from '../../web/playback';

describe('date-range', () => {
  test('addMonths crosses year boundaries both ways', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-10', -11)).toBe('2025-11');
    expect(addMonths('2024-03', -27)).toBe('2021-12');
  });

  test('lastDayOfMonth knows leap years', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-02')).toBe('2025-02-28');
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
  });

  test('presets are whole months ending on the latest data day', () => {
    expect(presetPeriod('3m', '2026-10-31')).toEqual({ from: '2026-08-01', to: '2026-10-31' });
    expect(presetPeriod('6m', '2026-10-31')).toEqual({ from: '2026-05-01', to: '2026-10-31' });
    expect(presetPeriod('12m', '2026-10-31')).toEqual({ from: '2025-11-01', to: '2026-10-31' });
    expect(presetPeriod('3m', '2026-01-15')).toEqual({ from: '2025-11-01', to: '2026-01-15' });
  });

  test('describePeriod recognises presets, years and single months', () => {
    expect(describePeriod({ from: '2026-08-01', to: '2026-10-31' }, '2026-10-31')).toEqual({ preset: '3m', year: null, month: null });
    expect(describePeriod(yearPeriod(2024), '2026-10-31')).toEqual({ preset: null, year: 2024, month: null });
    expect(describePeriod(monthPeriod('2024-02'), '2026-10-31')).toEqual({ preset: null, year: null, month: '2024-02' });
    expect(describePeriod({ from: '2024-02-02', to: '2024-02-29' }, null)).toEqual({ preset: null, year: null, month: null });
  });

  test('monthsBetween is inclusive', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
  });

  test('playback steps month by month and stops after the last', () => {
    expect(nextPlaybackMonth(null, '2025-11', '2026-10')).toBe('2025-11');
    expect(nextPlaybackMonth('2025-12', '2025-11', '2026-10')).toBe('2026-01');
    expect(nextPlaybackMonth('2026-10', '2025-11', '2026-10')).toBeNull();
  });
});
