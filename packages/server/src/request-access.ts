import { isIP } from 'node:net';
import { OPEN_VIEWER, type SarabanContext, type SessionControl, type Viewer } from '@saraban/graphql';
import { SESSION_HOURS } from '@saraban/store';

/** The studio's session cookie. */
export const SESSION_COOKIE = 'saraban_session';

/** Who may use a server: `open` lets it run open while no user or API token exists (a loopback address only). */
export interface AccessOptions {
  open: boolean;
}

/**
 * Finds who is asking from a request's credentials: an API token (`Authorization: Bearer …`) or the studio's session
 * cookie; with neither, the open viewer while the server may run open and nobody is configured, else nobody (null).
 * Signing in sets the cookie on the response: HttpOnly (no script reads it), SameSite=Strict (no other site's page
 * sends it), Secure when the request came over https (directly, or through a proxy that says so).
 *
 * @example
 * const access = new RequestAccess(context, { open: true });
 * const viewer = await access.viewer(request);
 */
export class RequestAccess {
  readonly #context: SarabanContext;
  readonly #open: boolean;
  /** Set-Cookie values to add to each request's response. */
  readonly #cookies = new WeakMap<Request, string>();

  constructor(context: SarabanContext, options: AccessOptions) {
    this.#context = context;
    this.#open = options.open;
  }

  /**
   * The request's viewer; null when nobody is signed in (or the token or session is unknown, expired or revoked)
   * and the server does not run open. A stale cookie or token on an open server changes nothing: anyone may anyway.
   */
  async viewer(request: Request): Promise<Viewer | null> {
    const signedIn = await this.#signedIn(request);
    if (signedIn) return signedIn;
    return this.#open && !(await hasCredentials(this.#context)) ? OPEN_VIEWER : null;
  }

  async #signedIn(request: Request): Promise<Viewer | undefined> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (bearer) {
      const token = await this.#context.apiTokens.find(bearer);
      return token && { name: token.name, role: token.role, via: 'TOKEN' };
    }
    const session = sessionCookie(request);
    const user = session ? await this.#context.users.sessionUser(session) : undefined;
    return user && { name: user.name, role: user.role, via: 'SESSION' };
  }

  /** Signing in and out for this request: the cookie goes out with its response ({@link setCookie}). */
  session(request: Request): SessionControl {
    const secure = isHttps(request);
    return {
      signIn: async (name, password) => {
        const signedIn = await this.#context.users.signIn(name, password);
        if (!signedIn) return undefined;
        this.#cookies.set(request, cookie(signedIn.session.token, SESSION_HOURS * 3600, secure));
        return { name: signedIn.user.name, role: signedIn.user.role, via: 'SESSION' };
      },
      signOut: async () => {
        const token = sessionCookie(request);
        if (token) await this.#context.users.signOut(token);
        this.#cookies.set(request, cookie('', 0, secure));
      },
    };
  }

  /** The Set-Cookie header a sign-in or sign-out of this request left, if any. */
  setCookie(request: Request): string | undefined {
    return this.#cookies.get(request);
  }
}

/**
 * Whether any user or working API token exists: without one, a server runs open (on a loopback address only).
 *
 * @example
 * if (!(await hasCredentials(context))) console.log('open: anyone at this machine may do anything');
 */
export async function hasCredentials(context: Pick<SarabanContext, 'users' | 'apiTokens'>): Promise<boolean> {
  const [users, tokens] = await Promise.all([context.users.count(), context.apiTokens.countActive()]);
  return users + tokens > 0;
}

/**
 * Whether `host` reaches this machine only: localhost, 127.0.0.0/8 or ::1.
 *
 * @example
 * isLoopback('127.0.0.1') // true
 * isLoopback('0.0.0.0') // false: every interface
 */
export function isLoopback(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1');
  if (address === 'localhost') return true;
  if (isIP(address) === 4) return address.startsWith('127.');
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

// One cookie's value, by name; a session token is base64url, so it needs no decoding.
function sessionCookie(request: Request): string | undefined {
  for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, value] = pair.trim().split('=', 2);
    if (name === SESSION_COOKIE && value) return value;
  }
  return undefined;
}

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
}

function cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  const flags = `Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  return `${SESSION_COOKIE}=${value}; ${flags}`;
}
