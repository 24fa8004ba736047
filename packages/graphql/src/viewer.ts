import type { Role } from '@saraban/store';
import { ForbiddenError, UnauthenticatedError } from './access-errors.js';
import { type Permission, roleAllows, rolesWith } from './access-policy.js';

/** Who is asking, and how they proved it. */
export interface Viewer {
  /** The user's or the API token's name; null when no one had to sign in (OPEN, OPERATOR). */
  name: string | null;
  role: Role;
  /**
   * SESSION: a user signed in to the studio (cookie); TOKEN: an integrator's API token; OPEN: no user or token is
   * configured and the server listens on a loopback address only, so whoever is at this machine may do anything;
   * OPERATOR: a `saraban` command run on the database itself (whoever can read the database file owns it anyway).
   */
  via: 'SESSION' | 'TOKEN' | 'OPEN' | 'OPERATOR';
}

/** The viewer of a server with no users on 127.0.0.1: one person at their own machine, who may do anything. */
export const OPEN_VIEWER: Viewer = { name: null, role: 'ADMIN', via: 'OPEN' };

/** The viewer of the CLI's own operations and of templates' queries: the process holds the database already. */
export const OPERATOR: Viewer = { name: null, role: 'ADMIN', via: 'OPERATOR' };

/**
 * Refuses `operation` unless `viewer` has `permission`: UnauthenticatedError when no one is signed in,
 * ForbiddenError when their role may not. Both name the roles that may.
 *
 * @example
 * requirePermission(context.viewer, 'WRITE_DOCUMENTS', 'Mutation.createDocument');
 */
export function requirePermission(viewer: Viewer | null, permission: Permission, operation: string): void {
  if (permission === 'PUBLIC') return;
  if (!viewer) throw new UnauthenticatedError(operation, rolesWith(permission));
  if (!roleAllows(viewer.role, permission)) throw new ForbiddenError(operation, viewer.role, rolesWith(permission));
}
