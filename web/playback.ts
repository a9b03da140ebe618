// Month-by-month playback: while playing, step to the next month once the current month's indicators have arrived.
import { useEffect } from 'react';
import { addMonths, describePeriod, monthPeriod } from './date-range';
import { indicatorsResource, extentOfState } from './state/selectors';
import { rawanStore, useRawan } from './store';

export const PLAYBACK_STEP_MS = 1500;

/** The month after `current`; when not on a single month, `start` (the period's first month); null past the end. */
export function nextPlaybackMonth(current: string | null, start: string, lastMonth: string): string | null {
  if (current === null) return start > lastMonth ? null : start;
  const next = addMonths(current, 1);
  return next > lastMonth ? null : next;
}

export function usePlayback(): void {
  const playing = useRawan((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    const store = rawanStore();
    const step = () => {
      const s = store.getState();
      const extent = extentOfState(s);
      if (!extent) return;
      if (indicatorsResource(s, s.view.level)?.status === 'loading') return;
      const { from, to } = s.view;
      const month = from !== null && to !== null ? describePeriod({ from, to }, extent.latest).month : null;
      const start = from !== null && from.slice(0, 7) >= extent.firstMonth ? from.slice(0, 7) : extent.firstMonth;
      const next = nextPlaybackMonth(month, start, extent.latest.slice(0, 7));
      if (next === null) s.setPlaying(false);
      else s.setView(monthPeriod(next), 'replace');
    };
    step();
    const id = window.setInterval(step, PLAYBACK_STEP_MS);
    return () => window.clearInterval(id);
  }, [playing]);
}
