// What every route module receives (the store and configuration) and the per-request variables (the principal).
import type { Config } from '../config.js';
import type { Principal } from '../auth/roles.js';
import type { Store } from '../store/store.js';
import type { Throttle } from '../auth/throttle.js';

export type AppConfig = Pick<
  Config,
  'eventsLimit' | 'version' | 'publicViewer' | 'minCell' | 'sessionHours' | 'corsOrigins' | 'basemapStyle' | 'maxImportBytes'
>;

export interface AppDeps {
  store: Store;
  config: AppConfig;
  throttle?: { account: Throttle; address: Throttle };
}

export interface AppEnv {
  Variables: { principal: Principal | null };
}
