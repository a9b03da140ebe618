// Boots the import thread: registers tsx so the TypeScript worker module can load, then imports it.
import { register } from 'tsx/esm/api';

register();
await import('./event-thread-worker.ts');
