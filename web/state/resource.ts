// The state of one fetched resource: loading, ready with data, failed with the server's message, or not offered by this server.
export interface ResourceError {
  status: number;
  code: string;
  message: string;
}

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ResourceError }
  | { status: 'unavailable'; error: ResourceError };

export function dataOf<T>(r: Resource<T> | undefined): T | null {
  return r?.status === 'ready' ? r.data : null;
}

export function isLoading(r: Resource<unknown> | undefined): boolean {
  return r === undefined || r.status === 'loading';
}
