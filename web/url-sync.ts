// Keeps the browser URL and the store's view in step: map moves replace the entry, other changes push one, back/forward restore.
import type { RawanStore } from './store';
import { onlyCameraDiffers, parseView, serializeView } from './url-state';

export function syncUrl(store: RawanStore): () => void {
  const onPop = () => store.getState().restoreView(parseView(window.location.search));
  window.addEventListener('popstate', onPop);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.view === prev.view || s.historyMode === 'pop') return;
    const search = serializeView(s.view);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    const replace = s.historyMode === 'replace' || onlyCameraDiffers(s.view, prev.view);
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  });
  document.documentElement.lang = store.getState().view.lang;
  const unsubscribeLang = store.subscribe((s, prev) => {
    if (s.view.lang !== prev.view.lang) document.documentElement.lang = s.view.lang;
  });
  return () => {
    window.removeEventListener('popstate', onPop);
    unsubscribe();
    unsubscribeLang();
  };
}
