// The Run button of the coverage panel, with an elapsed-time indicator and Cancel while the server solves.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formProblems } from '../../coverage/coverage-form';
import { useT } from '../../i18n/use-t';
import { rawanStore, useRawan } from '../../store';

function Elapsed({ since }: { since: number }) {
  const { t, num } = useT();
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(performance.now()), 200);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <span role="status" className="coverage-elapsed">
      {t('coverage.running', { s: num(Math.max(0, now - since) / 1000, 1) })}
    </span>
  );
}

export function RunControls() {
  const { t } = useT();
  const { form, startedAt } = useRawan(useShallow((s) => ({ form: s.coverage.form, startedAt: s.coverage.runStartedAt })));
  const running = startedAt !== null;
  const blocked = formProblems(form).length > 0;
  const actions = rawanStore().getState();
  return (
    <div className="coverage-run-block">
      <div className="coverage-run">
        <button type="button" className="primary" data-testid="coverage-run" disabled={running || blocked} onClick={() => actions.runCoverage()}>
          {t('coverage.run')}
        </button>
        {running ? (
          <>
            <span className="spinner" aria-hidden="true" />
            <Elapsed since={startedAt} />
            <button type="button" className="ghost-button" data-testid="coverage-cancel" onClick={() => actions.cancelCoverage()}>
              {t('coverage.cancel')}
            </button>
          </>
        ) : null}
      </div>
      {form.objective === 'max-coverage' ? <p className="muted small">{t('coverage.mipNote')}</p> : null}
    </div>
  );
}
