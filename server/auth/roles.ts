// The three roles and what each may do; higher roles include the lower ones.
import type { Role } from '../store/store.js';

export const ROLES = ['viewer', 'analyst', 'admin'] as const satisfies readonly Role[];
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

export function hasRole(actual: Role, needed: Role): boolean {
  return RANK[actual] >= RANK[needed];
}

export interface Principal {
  /** null for an anonymous public viewer. */
  userId: string | null;
  username: string | null;
  role: Role;
  tokenHash: string | null;
}
