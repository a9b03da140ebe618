// The change history of the focus area being edited: who changed what and when, with earlier outlines to show on the map.
import type { FocusAreaHistoryEntry } from '../api';
import { useT } from '../i18n/use-t';
import { rawanStore, useRawan } from '../store';

function Entry({ e }: { e: FocusAreaHistoryEntry }) {
  const { t, date } = useT();
  const ghost = useRawan((s) => s.focusEdit.ghost);
  const previous = e.previous?.geometry ?? null;
  const shown = previous !== null && ghost === previous;
  return (
    <li>
      <strong>
        {t('focusEdit.historyEntry', { version: e.version, action: t(`focusEdit.action.${e.action}`), who: e.username ?? t('focusEdit.someone') })}
      </strong>
      <span className="muted">
        {' '}
        · {date(e.at.slice(0, 10))} {e.at.slice(11, 16)}
      </span>
      {e.action === 'updated' ? <div className="small">{e.changed.map((f) => t(`focusEdit.field.${f}`)).join(', ')}</div> : null}
      {previous !== null && e.changed.includes('geometry') ? (
        <button
          type="button"
          className="link-button"
          aria-pressed={shown}
          onClick={() =>
            rawanStore()
              .getState()
              .showFocusGhost(shown ? null : previous)
          }
        >
          {shown ? t('focusEdit.hidePrevious') : t('focusEdit.showPrevious')}
        </button>
      ) : null}
    </li>
  );
}

export function FocusEditHistory() {
  const { t } = useT();
  const id = useRawan((s) => s.focusEdit.loaded?.id ?? null);
  const history = useRawan((s) => s.focusEdit.history);
  if (id === null) return null;
  return (
    <fieldset className="group focus-edit-history">
      <legend>{t('focusEdit.history')}</legend>
      {history === null ? (
        <button type="button" onClick={() => rawanStore().getState().loadFocusHistory(id)} data-testid="focus-edit-show-history">
          {t('focusEdit.showHistory')}
        </button>
      ) : history.status === 'loading' ? (
        <p className="muted small">{t('status.loading')}</p>
      ) : history.status !== 'ready' ? (
        <p className="hint warn">{history.error.message}</p>
      ) : history.data.entries.length === 0 ? (
        <p className="muted small">{t('focusEdit.historyEmpty')}</p>
      ) : (
        <ol className="focus-edit-entries" data-testid="focus-edit-history">
          {history.data.entries.map((e) => (
            <Entry key={e.seq} e={e} />
          ))}
        </ol>
      )}
    </fieldset>
  );
}
