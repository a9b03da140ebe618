// What every route module receives: the store and the configuration it may read.
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';

export interface AppDeps {
  store: Store;
  config: Pick<Config, 'eventsLimit' | 'version'>;
}
