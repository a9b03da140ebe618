// Entry point of the React client: builds the store from the URL, keeps the URL in step, renders the dashboard.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initStore } from './store';
import { parseView } from './url-state';
import { syncUrl } from './url-sync';
import './styles.css';

const store = initStore(parseView(window.location.search));
syncUrl(store);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
