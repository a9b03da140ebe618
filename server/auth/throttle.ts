// Counts failed logins per key (account, address) in a sliding window and says how long a throttled key must wait.

export interface Throttle {
  /** Seconds to wait before another attempt is allowed, or 0. */
  retryAfter(key: string, now?: number): number;
  fail(key: string, now?: number): void;
  reset(key: string): void;
}

export function createThrottle(maxFailures: number, windowMs: number): Throttle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    retryAfter(key, now = Date.now()) {
      const r = recent(key, now);
      failures.set(key, r);
      if (r.length < maxFailures) return 0;
      return Math.max(1, Math.ceil((r[r.length - maxFailures] + windowMs - now) / 1000));
    },
    fail(key, now = Date.now()) {
      failures.set(key, [...recent(key, now), now]);
      if (failures.size > 100_000) failures.clear();
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
