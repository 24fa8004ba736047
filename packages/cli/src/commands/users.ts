import { MIN_PASSWORD_LENGTH, openStore, type Role, type Store, storeOptionsFrom } from '@saraban/store';
import { readPassword } from '../read-password.js';

/** Where the users are kept. */
export interface AccessOptions {
  db: string;
}

/**
 * Opens the database alone (no templates, no Chromium), runs `action` and closes it. The store's own refusals (a name
 * taken, a user or token that does not exist, a short password) are one line for the user through the API's error
 * map, as the CLI reports every error (failureOf).
 *
 * @example
 * await withStore(options, (store) => store.users.list());
 */
export async function withStore<T>(options: AccessOptions, action: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptionsFrom(options.db));
  try {
    return await action(store);
  } finally {
    await store.close();
  }
}

/**
 * `saraban users add|list|set-role|set-password|remove`: who may sign in to the studio, and what their role lets them
 * do. Passwords are read from standard input (hidden in a terminal), never from the command line.
 *
 * @example
 * await usersCommand({ action: 'add', name: 'somchai', role: 'STAFF', db: '.saraban/saraban.db' });
 */
export async function usersCommand(
  command:
    | { action: 'add'; name: string; role: Role }
    | { action: 'list' }
    | { action: 'set-role'; name: string; role: Role }
    | { action: 'set-password'; name: string }
    | { action: 'remove'; name: string },
  options: AccessOptions,
): Promise<void> {
  const password =
    command.action === 'add' || command.action === 'set-password'
      ? await readPassword(`password for ${command.name} (at least ${MIN_PASSWORD_LENGTH} characters, not shown): `)
      : '';
  await withStore(options, async (store) => {
    switch (command.action) {
      case 'add': {
        const user = await store.users.create({ name: command.name, role: command.role, password });
        console.log(`added ${user.name} (${user.role})`);
        return;
      }
      case 'list': {
        for (const user of await store.users.list()) console.log(`${user.name}\t${user.role}\t${user.createdAt}`);
        return;
      }
      case 'set-role': {
        const user = await store.users.setRole(command.name, command.role);
        console.log(`${user.name} is now ${user.role}`);
        return;
      }
      case 'set-password': {
        await store.users.setPassword(command.name, password);
        console.log(`${command.name}: password changed; their sessions are signed out`);
        return;
      }
      case 'remove': {
        await store.users.remove(command.name);
        console.log(`removed ${command.name}; their sessions are signed out`);
      }
    }
  });
}
