// One-click buttons for BNN's three focus areas and for all of Jakarta: select, open the panel and fly there.
import { useT } from '../i18n/use-t';
import { focusOf } from '../state/selectors';
import { rawanStore, useRawan } from '../store';
import { JAKARTA_BOUNDS } from '../view-state';
import { focusTarget } from './focus-target';

export function FocusButtons() {
  const { t } = useT();
  const focus = useRawan(focusOf);
  const selection = useRawan((s) => s.view.selection);
  const choose = (id: string | null) => {
    const s = rawanStore().getState();
    if (id === null) {
      s.select(null);
      s.flyTo({ kind: 'bounds', bounds: JAKARTA_BOUNDS });
      return;
    }
    const sel = { kind: 'focus' as const, id };
    s.select(sel);
    const target = focusTarget(rawanStore().getState(), sel);
    if (target) s.flyTo(target);
  };
  return (
    <fieldset className="group">
      <legend>{t('filters.focus')}</legend>
      <div className="focus-buttons">
        {focus === null ? <p className="muted">{t('status.loading')}</p> : null}
        {(focus ?? []).map((f) => (
          <button
            key={f.id}
            type="button"
            className="focus-button"
            data-focus-id={f.id}
            aria-pressed={selection?.kind === 'focus' && selection.id === f.id}
            onClick={() => choose(f.id)}
          >
            <span className="focus-dot" aria-hidden="true" />
            <span>
              {f.name}
              {f.aliases[0] ? <small className="muted"> · {f.aliases[0]}</small> : null}
            </span>
          </button>
        ))}
        <button type="button" className="focus-button all" aria-pressed={selection === null} onClick={() => choose(null)}>
          {t('filters.jakarta')}
        </button>
      </div>
    </fieldset>
  );
}
