// The period filter: quick ranges ending on the latest data, a calendar year, exact dates, and a month slider with playback.
import { useId } from 'react';
import { describePeriod, monthPeriod, monthsBetween, PRESETS, presetPeriod, yearPeriod } from '../date-range';
import { useT } from '../i18n/use-t';
import { extentOfState } from '../state/selectors';
import { rawanStore, useRawan } from '../store';

export function PeriodControl() {
  const { t, month: fmtMonth } = useT();
  const id = useId();
  const from = useRawan((s) => s.view.from);
  const to = useRawan((s) => s.view.to);
  const extent = useRawan(extentOfState);
  const playing = useRawan((s) => s.playing);
  const { setView, setPlaying } = rawanStore().getState();

  if (!extent || from === null || to === null) {
    return (
      <fieldset className="group" aria-busy="true">
        <legend>{t('filters.period')}</legend>
        <p className="muted">{t('status.loading')}</p>
      </fieldset>
    );
  }
  const shown = describePeriod({ from, to }, extent.latest);
  const months = monthsBetween(extent.firstMonth, extent.latest.slice(0, 7));
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  const monthIndex = shown.month ? months.indexOf(shown.month) : -1;
  const sliderValue = monthIndex >= 0 ? monthIndex : Math.max(0, months.indexOf(from.slice(0, 7)));

  return (
    <fieldset className="group">
      <legend>{t('filters.period')}</legend>
      <div className="segmented" role="group" aria-label={t('filters.preset')}>
        {PRESETS.map((p) => (
          <button key={p} type="button" aria-pressed={shown.preset === p} onClick={() => setView(presetPeriod(p, extent.latest))}>
            {t(`filters.preset.${p}`)}
          </button>
        ))}
        <label className="visually-hidden" htmlFor={`${id}-year`}>
          {t('filters.yearPick')}
        </label>
        <select
          id={`${id}-year`}
          className={shown.year !== null ? 'chosen' : ''}
          value={shown.year ?? ''}
          onChange={(e) => e.target.value !== '' && setView(yearPeriod(Number(e.target.value)))}
        >
          <option value="">{t('filters.year')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="date-pair">
        <label>
          <span>{t('filters.from')}</span>
          <input
            type="date"
            name="from"
            value={from}
            max={to}
            onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && e.target.value <= to && setView({ from: e.target.value })}
          />
        </label>
        <label>
          <span>{t('filters.to')}</span>
          <input
            type="date"
            name="to"
            value={to}
            min={from}
            onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && e.target.value >= from && setView({ to: e.target.value })}
          />
        </label>
      </div>
      <div className="month-slider">
        <div className="month-slider-head">
          <label htmlFor={`${id}-month`}>{t('filters.month')}</label>
          <output htmlFor={`${id}-month`}>{shown.month ? fmtMonth(shown.month) : '—'}</output>
        </div>
        <div className="month-slider-row">
          <button
            type="button"
            className="icon-button"
            aria-label={playing ? t('filters.pause') : t('filters.play')}
            title={playing ? t('filters.pause') : t('filters.play')}
            aria-pressed={playing}
            onClick={() => setPlaying(!playing)}
          >
            {playing ? '❚❚' : '▶'}
          </button>
          <input
            id={`${id}-month`}
            type="range"
            min={0}
            max={months.length - 1}
            step={1}
            value={sliderValue}
            aria-valuetext={fmtMonth(months[sliderValue] ?? months[0])}
            aria-label={t('filters.monthSlider')}
            onChange={(e) => setView(monthPeriod(months[Number(e.target.value)] ?? months[0]))}
          />
        </div>
        <div className="month-slider-ends muted" aria-hidden="true">
          <span>{fmtMonth(months[0], 'short')}</span>
          <span>{fmtMonth(months[months.length - 1], 'short')}</span>
        </div>
      </div>
    </fieldset>
  );
}
