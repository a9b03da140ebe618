// The form of the focus area being edited: name, aliases, notes, the outline tools, Save with the server's answer,
// Discard and Delete.
import { useT } from '../i18n/use-t';
import { rawanStore, useRawan } from '../store';
import { draftProblems, MIN_VERTICES } from './draft';

function OutlineTools() {
  const { t } = useT();
  const ring = useRawan((s) => s.focusEdit.draft?.ring.length ?? 0);
  const drawing = useRawan((s) => s.focusEdit.drawing);
  const vertex = useRawan((s) => s.focusEdit.vertex);
  const partsDropped = useRawan((s) => (s.focusEdit.draft?.partsDropped ?? false) && s.focusEdit.draft?.outlineChanged === false);
  const a = rawanStore().getState();
  return (
    <fieldset className="group">
      <legend>{t('focusEdit.outline')}</legend>
      <p className="small" data-testid="focus-edit-vertices">
        {t('focusEdit.vertices', { n: ring })}
      </p>
      <p className="hint">{drawing ? t('focusEdit.drawHelp') : t('focusEdit.editHelp')}</p>
      {partsDropped ? <p className="hint warn">{t('focusEdit.partsDropped')}</p> : null}
      <div className="focus-edit-row">
        {drawing ? (
          <>
            <button type="button" disabled={ring < MIN_VERTICES} onClick={() => a.finishFocusDrawing()} data-testid="focus-edit-finish">
              {t('focusEdit.finish')}
            </button>
            <button type="button" disabled={ring === 0} onClick={() => a.removeFocusVertex(ring - 1)}>
              {t('focusEdit.undoVertex')}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => a.startFocusRedraw()} data-testid="focus-edit-redraw">
              {t('focusEdit.redraw')}
            </button>
            <button type="button" disabled={vertex === null || ring <= MIN_VERTICES} onClick={() => vertex !== null && a.removeFocusVertex(vertex)}>
              {t('focusEdit.deleteVertex')}
            </button>
          </>
        )}
      </div>
    </fieldset>
  );
}

function SaveBar() {
  const { t } = useT();
  const fe = useRawan((s) => s.focusEdit);
  const a = rawanStore().getState();
  if (!fe.draft) return null;
  const problems = draftProblems(fe.draft);
  const busy = fe.status === 'saving';
  const confirmDelete = () => {
    if (fe.loaded && window.confirm(t('focusEdit.confirmDelete', { name: fe.loaded.name }))) void a.deleteFocusEdit();
  };
  return (
    <div className="focus-edit-actions">
      <div className="focus-edit-row">
        <button
          type="button"
          className="primary"
          disabled={busy || problems.length > 0 || fe.drawing}
          onClick={() => void a.saveFocusEdit()}
          data-testid="focus-edit-save"
        >
          {busy ? t('focusEdit.saving') : t('focusEdit.save')}
        </button>
        <button type="button" disabled={busy} onClick={() => a.discardFocusEdit()}>
          {fe.loaded ? t('focusEdit.discard') : t('focusEdit.close')}
        </button>
      </div>
      {problems.length > 0 && !fe.drawing ? <p className="small muted">{problems.map((p) => t(p)).join(' ')}</p> : null}
      {fe.status === 'saved' && fe.loaded ? (
        <p className="hint" role="status" data-testid="focus-edit-status">
          {t('focusEdit.saved', { version: fe.loaded.version })}
        </p>
      ) : null}
      {fe.status === 'error' && fe.message ? (
        <div className="hint warn" role="alert" data-testid="focus-edit-message">
          <strong>{t('focusEdit.refused')}: </strong>
          {fe.message}
          {fe.conflict && fe.loaded ? (
            <button type="button" onClick={() => fe.loaded && a.openFocusEdit(fe.loaded.id)}>
              {t('focusEdit.reload')}
            </button>
          ) : null}
        </div>
      ) : null}
      {fe.loaded ? (
        <button type="button" className="focus-edit-delete" disabled={busy} onClick={confirmDelete} data-testid="focus-edit-delete">
          {t('focusEdit.delete')}
        </button>
      ) : null}
    </div>
  );
}

export function FocusEditForm() {
  const { t, date } = useT();
  const draft = useRawan((s) => s.focusEdit.draft);
  const loaded = useRawan((s) => s.focusEdit.loaded);
  if (!draft) return null;
  const set = rawanStore().getState().setFocusDraft;
  return (
    <form className="focus-edit-form" onSubmit={(e) => e.preventDefault()} data-testid="focus-edit-form">
      <h3>{loaded ? loaded.name : t('focusEdit.newTitle')}</h3>
      {loaded ? (
        <p className="small muted">
          {loaded.updatedBy === null && loaded.version === 1
            ? t('focusEdit.seeded', { version: loaded.version })
            : t('focusEdit.version', { version: loaded.version, when: date(loaded.updatedAt.slice(0, 10)), who: loaded.updatedBy ?? t('focusEdit.someone') })}
          <br />
          {t('focusEdit.kelurahan', { code: loaded.kelurahanCode })}
        </p>
      ) : null}
      <label className="focus-edit-field">
        <span>{t('focusEdit.name')}</span>
        <input value={draft.name} maxLength={120} onChange={(e) => set({ name: e.target.value })} data-testid="focus-edit-name" />
      </label>
      <label className="focus-edit-field">
        <span>{t('focusEdit.aliases')}</span>
        <textarea rows={2} value={draft.aliases} onChange={(e) => set({ aliases: e.target.value })} data-testid="focus-edit-aliases" />
      </label>
      <label className="focus-edit-field">
        <span>{t('focusEdit.notes')}</span>
        <textarea rows={3} value={draft.notes} maxLength={4000} onChange={(e) => set({ notes: e.target.value })} data-testid="focus-edit-notes" />
      </label>
      <OutlineTools />
      <SaveBar />
    </form>
  );
}
