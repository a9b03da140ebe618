// The set-up every browser test file shares: the screenshots folder, the server (RAWAN_E2E_URL or a temporary one) and Chromium.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { startTempServer, type TempServer } from './temp-server.mjs';

export const SHOTS = join(import.meta.dirname, 'screenshots');

export interface E2eSession {
  server: TempServer;
  browser: Browser;
}

/**
 * Registers node:test before/after hooks: the server (RAWAN_E2E_URL or a temporary one) and Chromium; `ready` runs once
 * both are up. The fields of the returned session are set when the before hook has run. With `env` the file gets a
 * temporary server of its own started with those settings.
 */
export function e2eSession(ready?: (s: E2eSession) => Promise<void>, opts: { env?: Record<string, string> } = {}): E2eSession {
  const session = {} as E2eSession;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const url = opts.env === undefined ? process.env.RAWAN_E2E_URL : undefined;
    session.server = url ? { url, port: 0, stop: async () => undefined } : await startTempServer({ env: opts.env ?? {} });
    session.browser = await launchChromium();
    await ready?.(session);
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
