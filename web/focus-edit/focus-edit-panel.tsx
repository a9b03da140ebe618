// The focus-area editing tab of the left panel (analysts): the list to pick from, a new focus area, the form and
// outline tools for the one being edited, and its change history.
import { useT } from '../i18n/use-t';
import { focusOf } from '../state/selectors';
import { rawanStore, useRawan } from '../store';
import { FocusEditForm } from './focus-edit-form';
import { FocusEditHistory } from './focus-edit-history';
import './focus-edit.css';

export default function FocusEditPanel() {
  const { t } = useT();
  const focus = useRawan(focusOf);
  const editingId = useRawan((s) => (s.focusEdit.draft ? s.focusEdit.draft.id : undefined));
  const loading = useRawan((s) => s.focusEdit.loading);
  const status = useRawan((s) => s.focusEdit.status);
  const message = useRawan((s) => (s.focusEdit.draft ? null : s.focusEdit.message));
  const actions = rawanStore().getState();
  return (
    <div className="focus-edit-panel" data-testid="focus-edit-panel">
      <p className="muted small">{t('focusEdit.intro')}</p>
      <fieldset className="group">
        <legend>{t('focusEdit.list')}</legend>
        <div className="focus-buttons">
          {(focus ?? []).map((f) => (
            <button
              key={f.id}
              type="button"
              className="focus-button"
              aria-pressed={editingId === f.id}
              data-testid={`focus-edit-item-${f.id}`}
              onClick={() => actions.openFocusEdit(f.id)}
            >
              <span className="focus-dot" aria-hidden="true" />
              {f.name}
            </button>
          ))}
          <button
            type="button"
            className="focus-button all"
            aria-pressed={editingId === null}
            data-testid="focus-edit-new"
            onClick={() => actions.newFocusDraft()}
          >
            {t('focusEdit.new')}
          </button>
        </div>
      </fieldset>
      {loading ? <p className="muted small">{t('focusEdit.loading')}</p> : null}
      {status === 'deleted' ? (
        <p className="hint" role="status">
          {t('focusEdit.deleted')}
        </p>
      ) : null}
      {message ? (
        <p className="hint warn" role="alert">
          {message}
        </p>
      ) : null}
      <FocusEditForm />
      <FocusEditHistory />
    </div>
  );
}
