// Types of temp-server.mjs for the TypeScript tests and benchmark that use it.
export interface TempServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}
export function buildClientIfStale(opts?: { log?: boolean }): boolean;
export function freePort(): Promise<number>;
export function startTempServer(options?: { env?: Record<string, string>; log?: boolean }): Promise<TempServer>;
