// Entry point of the React client: builds the store from the URL, keeps the URL in step, renders the dashboard
// (or, at /briefing, the printable briefing, loaded as its own chunk so the dashboard's first view does not grow).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initStore } from './store';
import { parseView } from './url-state';
import { syncUrl } from './url-sync';
import './styles.css';

const root = document.getElementById('root');
if (root && window.location.pathname === '/briefing') {
  import('./briefing/mount-briefing')
    .then((m) => m.mountBriefing(root))
    .catch((err: unknown) => (window.__rawanBriefing = { ready: false, error: String(err) }));
} else if (root && window.location.pathname === '/admin') {
  // The admin page (imports, users, audit log) is its own React tree in its own chunk.
  import('./admin/admin-page')
    .then((m) => m.mountAdmin(root))
    .catch((err: unknown) => (root.textContent = `The admin page could not be loaded: ${String(err)}`));
} else {
  const store = initStore(parseView(window.location.search));
  syncUrl(store);
  if (root)
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
}
