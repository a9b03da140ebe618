// The coverage planning form: area, demand basis with its assumptions, distance, detour, objective and, for max-coverage, how many puskesmas to open.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formProblems, type CoverageBasis, type CoverageObjective } from '../../coverage/coverage-form';
import { useT } from '../../i18n/use-t';
import { areasOf, facilitiesOf, focusOf } from '../../state/selectors';
import { rawanStore, useRawan } from '../../store';
import { NumberField } from './number-field';

const BASES: readonly CoverageBasis[] = ['estimated', 'observed'];
const OBJECTIVES: readonly CoverageObjective[] = ['min-distance', 'max-coverage'];

function AreaSelect({ value }: { value: string }) {
  const { t } = useT();
  const id = useId();
  const { focus, kota } = useRawan(useShallow((s) => ({ focus: focusOf(s), kota: areasOf(s, 'kota') })));
  const known = value === 'focus' || value === 'jakarta' || focus?.some((f) => f.id === value) || kota?.some((k) => k.code === value);
  return (
    <div className="field coverage-field wide">
      <label htmlFor={id}>{t('coverage.area')}</label>
      <select id={id} value={value} onChange={(e) => rawanStore().getState().setCoverageForm({ area: e.target.value })}>
        <option value="focus">{t('coverage.areaFocus')}</option>
        {focus && focus.length > 0 ? (
          <optgroup label={t('level.focus')}>
            {focus.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label={t('level.kota')}>
          <option value="jakarta">{t('filters.jakarta')}</option>
          {(kota ?? []).map((k) => (
            <option key={k.code} value={k.code}>
              {k.name.replace(/^(Kota|Kabupaten) Administrasi /, '')}
            </option>
          ))}
        </optgroup>
        {known ? null : <option value={value}>{value}</option>}
      </select>
    </div>
  );
}

export function CoverageFormFields({ disabled }: { disabled: boolean }) {
  const { t, date } = useT();
  const { form, from, to, designated } = useRawan(
    useShallow((s) => ({
      form: s.coverage.form,
      from: s.view.from,
      to: s.view.to,
      designated: facilitiesOf(s)?.filter((f) => f.rehab).length ?? null,
    })),
  );
  const set = rawanStore().getState().setCoverageForm;
  const problems = formProblems(form);
  const bad = (p: (typeof problems)[number]) => problems.includes(p);
  const period = from !== null && to !== null ? `${date(from)} – ${date(to)}` : '';
  return (
    <fieldset className="group" disabled={disabled}>
      <legend>{t('coverage.formTitle')}</legend>
      <AreaSelect value={form.area} />

      <fieldset className="basis">
        <legend>{t('coverage.basis')}</legend>
        {BASES.map((b) => (
          <label key={b} className="toggle">
            <input type="radio" name="coverage-basis" value={b} checked={form.basis === b} onChange={() => set({ basis: b })} />
            <span>{t(`coverage.basis.${b}`)}</span>
          </label>
        ))}
        <p className="muted small">{form.basis === 'observed' ? t('coverage.observedNote', { period }) : t('coverage.estimatedNote')}</p>
      </fieldset>

      {form.basis === 'estimated' ? (
        <>
          <NumberField
            label={t('coverage.prevalence')}
            value={form.prevalencePct}
            min={0}
            max={100}
            step={0.1}
            invalid={bad('prevalence')}
            onChange={(prevalencePct) => set({ prevalencePct })}
            hint={t('coverage.prevalenceSource')}
          />
          <NumberField
            label={t('coverage.treatment')}
            value={form.treatmentSharePct}
            min={0}
            max={100}
            step={0.5}
            invalid={bad('treatment')}
            onChange={(treatmentSharePct) => set({ treatmentSharePct })}
            hint={t('coverage.treatmentNote')}
          />
        </>
      ) : null}

      <NumberField
        label={t('coverage.maxDistance')}
        value={form.maxDistanceKm}
        min={0}
        max={100}
        step={0.5}
        invalid={bad('distance')}
        onChange={(maxDistanceKm) => set({ maxDistanceKm })}
      />
      <NumberField
        label={t('coverage.detour')}
        value={form.detourFactor}
        min={1}
        max={10}
        step={0.1}
        invalid={bad('detour')}
        onChange={(detourFactor) => set({ detourFactor })}
        hint={t('coverage.detourNote')}
      />

      <div className="field coverage-field wide">
        <label htmlFor="coverage-objective">{t('coverage.objective')}</label>
        <select id="coverage-objective" value={form.objective} onChange={(e) => set({ objective: OBJECTIVES.find((o) => o === e.target.value) ?? 'min-distance' })}>
          {OBJECTIVES.map((o) => (
            <option key={o} value={o}>
              {t(`coverage.objective.${o}`)}
            </option>
          ))}
        </select>
      </div>
      {form.objective === 'max-coverage' ? (
        <>
          <NumberField
            label={t('coverage.open')}
            value={form.open}
            min={1}
            step={1}
            placeholder={designated === null ? undefined : String(designated)}
            invalid={bad('open')}
            onChange={(open) => set({ open })}
            onEmpty={() => set({ open: null })}
            hint={designated === null ? undefined : t('coverage.openNote', { n: designated })}
          />
          <NumberField
            label={t('coverage.timeLimit')}
            value={form.timeLimitS}
            min={1}
            max={120}
            step={1}
            invalid={bad('time')}
            onChange={(timeLimitS) => set({ timeLimitS })}
          />
        </>
      ) : (
        <p className="muted small">{t('coverage.minDistanceNote')}</p>
      )}
      {form.objective !== 'max-coverage' && bad('time') ? (
        <NumberField label={t('coverage.timeLimit')} value={form.timeLimitS} invalid onChange={(timeLimitS) => set({ timeLimitS })} />
      ) : null}

      {problems.length > 0 ? (
        <div role="alert" className="coverage-problems">
          {problems.map((p) => (
            <p key={p} className="error-text">
              {t(`coverage.problem.${p}`)}
            </p>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
