/**
 * What a user or an API token may do, from least to most: VIEWER reads; STAFF also writes and prints documents;
 * DESIGNER also edits templates (not documents); ADMIN does everything and manages users. What each role allows is
 * the API's policy (@saraban/graphql); the store only keeps the name.
 */
export type Role = 'ADMIN' | 'DESIGNER' | 'STAFF' | 'VIEWER';

/** Every role, most powerful first. */
export const ROLES: readonly Role[] = ['ADMIN', 'DESIGNER', 'STAFF', 'VIEWER'];

/**
 * The role named `name` (any case), or undefined.
 *
 * @example
 * roleNamed('staff') // 'STAFF'
 */
export function roleNamed(name: string): Role | undefined {
  return ROLES.find((role) => role === name.toUpperCase());
}
