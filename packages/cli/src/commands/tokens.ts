import type { Role } from '@saraban/store';
import { type AccessOptions, withStore } from './users.js';

/**
 * `saraban tokens create|list|revoke`: API tokens for integrators, sent as `Authorization: Bearer <token>`. A token
 * is printed once, when created; the database keeps only its SHA-256.
 *
 * @example
 * await tokensCommand({ action: 'create', name: 'e-saraban', role: 'STAFF' }, { db: '.saraban/saraban.db' });
 */
export async function tokensCommand(
  command: { action: 'create'; name: string; role: Role } | { action: 'list' } | { action: 'revoke'; name: string },
  options: AccessOptions,
): Promise<void> {
  await withStore(options, async (store) => {
    switch (command.action) {
      case 'create': {
        const { token, apiToken } = await store.apiTokens.create({ name: command.name, role: command.role });
        console.log(token);
        console.error(
          `API token "${apiToken.name}" (${apiToken.role}): shown this once, keep it secret; ` +
            `send it as "Authorization: Bearer <token>"`,
        );
        return;
      }
      case 'list': {
        for (const apiToken of await store.apiTokens.list()) {
          const state = apiToken.revokedAt ? `revoked ${apiToken.revokedAt}` : 'active';
          console.log(`${apiToken.name}\t${apiToken.role}\t${apiToken.createdAt}\t${state}`);
        }
        return;
      }
      case 'revoke': {
        const revoked = await store.apiTokens.revoke(command.name);
        console.log(`revoked "${revoked.name}" (${revoked.role}): it no longer signs anything in`);
      }
    }
  });
}
