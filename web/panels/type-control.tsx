// Event-type checkboxes grouped by BNN's four approaches; a group box toggles all of its types.
import { useEffect, useRef } from 'react';
import { APPROACH_IDS, APPROACHES, EVENT_TYPES, TYPE_COLORS, type Approach, type EventType } from '../event-types';
import { useT } from '../i18n/use-t';
import { rawanStore, useRawan } from '../store';

function GroupBox({ approach, chosen }: { approach: Approach; chosen: readonly EventType[] }) {
  const { t } = useT();
  const ref = useRef<HTMLInputElement>(null);
  const members: readonly EventType[] = APPROACHES[approach];
  const on = members.filter((m) => chosen.includes(m)).length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = on > 0 && on < members.length;
  }, [on, members.length]);
  const toggle = () => {
    const next = on === members.length ? chosen.filter((c) => !members.includes(c)) : [...new Set([...chosen, ...members])];
    rawanStore().getState().setView({ types: EVENT_TYPES.filter((x) => next.includes(x)) });
  };
  return (
    <label className="approach">
      <input ref={ref} type="checkbox" checked={on === members.length} onChange={toggle} />
      <span>{t(`approach.${approach}`)}</span>
    </label>
  );
}

export function TypeControl() {
  const { t } = useT();
  const types = useRawan((s) => s.view.types);
  const set = (type: EventType, on: boolean) => {
    const next = on ? [...types, type] : types.filter((x) => x !== type);
    rawanStore().getState().setView({ types: EVENT_TYPES.filter((x) => next.includes(x)) });
  };
  return (
    <fieldset className="group">
      <legend>{t('filters.types')}</legend>
      {APPROACH_IDS.map((a) => {
        const members: readonly EventType[] = APPROACHES[a];
        return (
          <div key={a} className="approach-group">
            {members.length > 1 ? <GroupBox approach={a} chosen={types} /> : null}
            {members.map((type) => (
              <label key={type} className={members.length > 1 ? 'type indented' : 'type'}>
                <input type="checkbox" name="types" value={type} checked={types.includes(type)} onChange={(e) => set(type, e.target.checked)} />
                <span className="swatch" style={{ background: TYPE_COLORS[type] }} aria-hidden="true" />
                <span>
                  {t(`type.${type}`)}
                  {members.length === 1 ? <small className="muted"> · {t(`approach.${a}`)}</small> : null}
                </span>
              </label>
            ))}
          </div>
        );
      })}
      {types.length === 0 ? (
        <p className="hint warn" role="status">
          {t('filters.noTypes')}
        </p>
      ) : null}
    </fieldset>
  );
}
