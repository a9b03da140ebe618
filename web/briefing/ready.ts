// window.__rawanBriefing: how the PDF renderer (and the e2e tests) learn that the briefing is fully drawn or failed.
export type BriefingReadiness = { ready: boolean; error?: undefined } | { ready: false; error: string };

declare global {
  interface Window {
    __rawanBriefing?: BriefingReadiness;
  }
}

export function markLoading(): void {
  window.__rawanBriefing = { ready: false };
}

export function markReady(): void {
  window.__rawanBriefing = { ready: true };
}

export function markFailed(message: string): void {
  window.__rawanBriefing = { ready: false, error: message };
}
