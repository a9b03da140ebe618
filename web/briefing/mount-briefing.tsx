// Starts the briefing page (its own React tree, no dashboard store): reads the URL, marks the page as loading for
// the PDF renderer, and renders.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BriefingPage } from './BriefingPage';
import { parseBriefingParams } from './briefing-params';
import { markLoading } from './ready';
import './briefing.css';

export function mountBriefing(root: HTMLElement): void {
  markLoading();
  const params = parseBriefingParams(window.location.search);
  document.documentElement.lang = params.lang;
  document.documentElement.classList.add('briefing-document');
  if (params.print) document.documentElement.classList.add('briefing-print');
  createRoot(root).render(
    <StrictMode>
      <BriefingPage params={params} />
    </StrictMode>,
  );
}
