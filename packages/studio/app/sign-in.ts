import { ApiError, graphql } from './api.js';
import { h } from './dom.js';
import { text } from './text.js';

/** Who is using the studio, as the API says (`viewer`): the studio shows only what their permissions allow. */
export interface StudioViewer {
  name: string | null;
  role: string;
  open: boolean;
  permissions: string[];
}

/**
 * The viewer, or null when nobody is signed in on a server that has users.
 *
 * @example
 * const viewer = await readViewer();
 */
export async function readViewer(): Promise<StudioViewer | null> {
  const { viewer } = await graphql<{ viewer: StudioViewer | null }>('{ viewer { name role open permissions } }');
  return viewer;
}

/**
 * The sign-in screen: name and password, sent to `signIn`; the session is an HttpOnly cookie the page never sees.
 * Calls `signedIn` once the API accepted them.
 *
 * @example
 * document.body.replaceChildren(signInPage(() => location.reload()));
 */
export function signInPage(signedIn: () => void): HTMLElement {
  const message = h('p', { class: 'error', role: 'alert' });
  const name = h('input', { name: 'name', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = async (event: Event) => {
    event.preventDefault();
    message.textContent = '';
    try {
      await graphql(
        'mutation ($name: String!, $password: String!) { signIn(name: $name, password: $password) { name } }',
        {
          name: name.value,
          password: password.value,
        },
      );
      signedIn();
    } catch (error) {
      message.textContent =
        error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? text.wrongPassword : String(error);
    }
  };
  return h(
    'main',
    { class: 'sign-in' },
    h(
      'form',
      { class: 'sign-in-form', onsubmit: (event) => void submit(event) },
      h('h1', { class: 'sign-in-title' }, text.studio),
      h('label', { class: 'sign-in-field' }, text.userName, name),
      h('label', { class: 'sign-in-field' }, text.password, password),
      h('button', { type: 'submit', class: 'primary' }, text.signIn),
      message,
    ),
  );
}

/**
 * What the top bar says of the viewer: on an open server, that anyone at this machine may do anything; else their name
 * and role, and signing out.
 *
 * @example
 * header.append(viewerBadge(viewer));
 */
export function viewerBadge(viewer: StudioViewer): HTMLElement {
  if (viewer.open) return h('p', { class: 'open-mode', role: 'status' }, text.openMode);
  const signOut = async () => {
    await graphql('mutation { signOut }');
    location.reload();
  };
  return h(
    'p',
    { class: 'signed-in' },
    `${viewer.name ?? ''} · ${text.roles[viewer.role as keyof typeof text.roles] ?? viewer.role} `,
    h('button', { type: 'button', class: 'sign-out', onclick: () => void signOut() }, text.signOut),
  );
}
