// Saves the coverage plan on screen under a name (the server re-solves from the parameters and versions plans by name).
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formProblems } from '../../coverage/coverage-form';
import { useT } from '../../i18n/use-t';
import { shownCoverageResource, shownPlan } from '../../state/coverage-selectors';
import { rawanStore, useRawan } from '../../store';

export function SavePlan() {
  const { t } = useT();
  const { ready, save, blocked, planName } = useRawan(
    useShallow((s) => ({
      ready: shownCoverageResource(s)?.status === 'ready',
      save: s.coverage.save,
      blocked: formProblems(s.coverage.form).length > 0 || s.coverage.runStartedAt !== null,
      planName: shownPlan(s)?.plan.name ?? null,
    })),
  );
  const [name, setName] = useState('');
  const saving = save.status === 'saving';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || !ready || saving) return;
    if (await rawanStore().getState().savePlan(trimmed)) setName('');
  };
  return (
    <form className="save-plan" onSubmit={(e) => void submit(e)}>
      <label htmlFor="coverage-plan-name" className="visually-hidden">
        {t('coverage.planName')}
      </label>
      <input
        id="coverage-plan-name"
        type="text"
        maxLength={120}
        value={name}
        placeholder={planName ?? t('coverage.planName')}
        disabled={!ready}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="primary" data-testid="plan-save" disabled={!ready || blocked || saving || name.trim() === ''}>
        {saving ? t('coverage.saving') : t('coverage.save')}
      </button>
      {!ready ? <p className="muted small">{t('coverage.saveHint')}</p> : null}
      {save.status === 'saved' ? (
        <p className="muted small" role="status">
          {t('coverage.saved')}
        </p>
      ) : null}
      {save.status === 'error' && save.message ? (
        <p className="error-text" role="alert">
          {save.message}
        </p>
      ) : null}
    </form>
  );
}
