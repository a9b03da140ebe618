// A combobox that finds a kelurahan, kecamatan, focus area or puskesmas by name, selects it and flies the map to it.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../i18n/use-t';
import { searchEntries, type SearchEntry } from '../search-index';
import { areasOf, facilitiesOf, focusOf } from '../state/selectors';
import { rawanStore, useRawan } from '../store';
import { focusTarget } from './focus-target';

export function AreaSearch() {
  const { t } = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const { kelurahan, kecamatan, focus, facilities } = useRawan(
    useShallow((s) => ({ kelurahan: areasOf(s, 'kelurahan'), kecamatan: areasOf(s, 'kecamatan'), focus: focusOf(s), facilities: facilitiesOf(s) })),
  );
  const entries = useMemo(() => {
    const out: SearchEntry[] = [];
    for (const f of focus ?? []) out.push({ kind: 'focus', key: f.id, name: f.name, also: f.aliases, label: t('level.focus') });
    for (const a of kelurahan ?? []) out.push({ kind: 'area', key: a.code, name: a.name, also: [], label: t('level.kelurahan') });
    for (const a of kecamatan ?? []) out.push({ kind: 'area', key: a.code, name: a.name, also: [], label: t('level.kecamatan') });
    for (const f of facilities ?? []) out.push({ kind: 'facility', key: f.id, name: f.name, also: [], label: t('level.facility') });
    return out;
  }, [kelurahan, kecamatan, focus, facilities, t]);
  const results = useMemo(() => searchEntries(entries, query), [entries, query]);

  const choose = (e: SearchEntry) => {
    const s = rawanStore().getState();
    const selection = e.kind === 'area' ? { kind: 'area' as const, code: e.key } : { kind: e.kind, id: e.key };
    s.select(selection);
    const target = focusTarget(s, selection);
    if (target) s.flyTo(target);
    setQuery(e.name);
    setOpen(false);
  };

  const onKey = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(results.length - 1, a + 1));
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (ev.key === 'Enter' && results[active]) {
      ev.preventDefault();
      choose(results[active]);
    } else if (ev.key === 'Escape') setOpen(false);
  };

  const showList = open && query.trim() !== '';
  return (
    <div className="search">
      <label htmlFor={id}>{t('filters.search')}</label>
      <input
        id={id}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-activedescendant={showList && results[active] ? `${id}-opt-${active}` : undefined}
        placeholder={t('filters.searchPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      {showList ? (
        <ul id={`${id}-list`} role="listbox" className="search-results" aria-label={t('filters.search')}>
          {results.length === 0 ? <li className="muted empty">{t('filters.searchEmpty')}</li> : null}
          {results.map((r, i) => (
            <li
              key={`${r.kind}:${r.key}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(r);
              }}
            >
              <span>{r.name}</span>
              <small className="muted">{r.label}</small>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
