import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { limits, OPEN_VIEWER, type SarabanContext, type SessionControl, type Viewer } from '@saraban/graphql';
import { SESSION_HOURS } from '@saraban/store';
import { type AttemptLimits, CredentialAttempts } from './credential-attempts.js';

/** The studio's session cookie. */
export const SESSION_COOKIE = 'saraban_session';

/** Who may use a server: `open` lets it run open while no user or API token exists (a loopback address only). */
export interface AccessOptions {
  open: boolean;
  /** Bounds on guessing passwords and API tokens; `limits`' by default. */
  attemptLimits?: Partial<AttemptLimits>;
}

/**
 * Finds who is asking from a request's credentials: an API token (`Authorization: Bearer …`) or the studio's session
 * cookie; with neither, the open viewer while the server may run open and nobody is configured, else nobody (null).
 * Signing in sets the cookie on the response: HttpOnly (no script reads it), SameSite=Strict (no other site's page
 * sends it), Secure when the request came over https (directly, or through a proxy that says so). Sign-ins and API
 * tokens are limited per user name and per client address ({@link CredentialAttempts}).
 *
 * @example
 * const access = new RequestAccess(context, { open: true });
 * const viewer = await access.viewer(request, '127.0.0.1');
 */
export class RequestAccess {
  readonly #context: SarabanContext;
  readonly #open: boolean;
  readonly #attempts: CredentialAttempts;
  /** Set-Cookie values to add to each request's response. */
  readonly #cookies = new WeakMap<Request, string>();

  constructor(context: SarabanContext, options: AccessOptions) {
    this.#context = context;
    this.#open = options.open;
    this.#attempts = new CredentialAttempts({
      signInAttempts: limits.signInAttempts,
      addressFailures: limits.addressFailures,
      attemptWindowSeconds: limits.attemptWindowSeconds,
      ...options.attemptLimits,
    });
  }

  /**
   * The request's viewer; null when nobody is signed in (or the token or session is unknown, expired or revoked)
   * and the server does not run open. A stale cookie or token on an open server changes nothing: anyone may anyway.
   * `address` is the client's, where unknown API tokens are counted.
   *
   * @throws {TooManyAttemptsError} for an API token from an address past its limit of failures.
   */
  async viewer(request: Request, address: string): Promise<Viewer | null> {
    const signedIn = await this.#signedIn(request, address);
    if (signedIn) return signedIn;
    return this.#open && !(await hasCredentials(this.#context)) ? OPEN_VIEWER : null;
  }

  async #signedIn(request: Request, address: string): Promise<Viewer | undefined> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (bearer) {
      const token = await this.#attempts.token(address, () => this.#context.apiTokens.find(bearer));
      return token && { name: token.name, role: token.role, via: 'TOKEN' };
    }
    const session = sessionCookie(request);
    const user = session ? await this.#context.users.sessionUser(session) : undefined;
    return user && { name: user.name, role: user.role, via: 'SESSION' };
  }

  /**
   * Signing in and out for this request from `address`: the cookie goes out with its response ({@link setCookie}).
   * A sign-in past its limits is a TooManyAttemptsError.
   */
  session(request: Request, address: string): SessionControl {
    const secure = isHttps(request);
    return {
      signIn: async (name, password) => {
        const signedIn = await this.#attempts.signIn(name, address, () => this.#context.users.signIn(name, password));
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

/** What Node's HTTP server hands each request's handler besides the request: its connection's message. */
export interface ServerContext {
  req?: IncomingMessage;
}

/**
 * The address a request came from, as the connection shows it (an IPv4 address without its IPv6 prefix). Behind a
 * proxy it is the proxy's: X-Forwarded-For is not trusted, since any client can send it.
 *
 * @example
 * clientAddress({ req }) // "10.1.2.3"
 */
export function clientAddress(serverContext: ServerContext): string {
  const address = serverContext.req?.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
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
