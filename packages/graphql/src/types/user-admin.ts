import { type ApiToken, MIN_PASSWORD_LENGTH } from '@saraban/store';
import { builder } from '../builder.js';
import { InputError } from '../errors.js';
import type { Viewer } from '../viewer.js';
import { RoleEnum, UserType } from './viewer.js';

// Managing users and API tokens over the API, for admins (MANAGE_USERS in the access policy): what `saraban users`
// and `saraban tokens` do on the database itself.

const passwordDescription = `At least ${MIN_PASSWORD_LENGTH} characters; kept as a scrypt hash.`;

const ApiTokenType = builder.objectRef<ApiToken>('ApiToken').implement({
  description: "An integrator's key to the API (Authorization: Bearer …); the token itself is shown once only.",
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What it is for, e.g. "e-saraban": unique.' }),
    role: t.field({ type: RoleEnum, description: 'What it may do.', resolve: (token) => token.role }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was made.', resolve: (token) => token.createdAt }),
    revokedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it stopped working; null while it works.',
      resolve: (token) => token.revokedAt,
    }),
  }),
});

const NewApiTokenType = builder.objectRef<{ token: string; apiToken: ApiToken }>('NewApiToken').implement({
  description: 'A token just made: `token` is given this once (only its SHA-256 is kept), so store it now.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The secret to send as `Authorization: Bearer <token>`.' }),
    apiToken: t.field({ type: ApiTokenType, description: 'The token as listed.', resolve: (made) => made.apiToken }),
  }),
});

builder.queryField('apiTokens', (t) =>
  t.field({
    type: [ApiTokenType],
    description: 'Every API token, revoked ones too, by name (admins only).',
    resolve: (_root, _args, context) => context.apiTokens.list(),
  }),
);

builder.mutationFields((t) => ({
  addUser: t.field({
    type: UserType,
    description:
      'Adds a user who signs in to the studio (admins only). A name taken or a password under ' +
      `${MIN_PASSWORD_LENGTH} characters is BAD_USER_INPUT naming the argument.`,
    args: {
      name: t.arg.string({ required: true, description: 'What they sign in with: unique.' }),
      role: t.arg({ type: RoleEnum, required: true, description: 'What they may do.' }),
      password: t.arg.string({ required: true, description: passwordDescription }),
    },
    resolve: (_root, args, context) => context.users.create(args),
  }),
  setUserRole: t.field({
    type: UserType,
    description: "Changes a user's role (admins only; not their own: another admin, or `saraban users`, does).",
    args: {
      name: t.arg.string({ required: true, description: "The user's name." }),
      role: t.arg({ type: RoleEnum, required: true, description: 'What they may do from now on.' }),
    },
    resolve: (_root, args, context) => {
      refuseOwnAccount(context.viewer, args.name, 'change your own role');
      return context.users.setRole(args.name, args.role);
    },
  }),
  setUserPassword: t.field({
    type: UserType,
    description: "Sets a user's password (admins only); their sessions are signed out.",
    args: {
      name: t.arg.string({ required: true, description: "The user's name." }),
      password: t.arg.string({ required: true, description: passwordDescription }),
    },
    resolve: (_root, args, context) => context.users.setPassword(args.name, args.password),
  }),
  removeUser: t.boolean({
    description: 'Removes a user and ends their sessions (admins only; not their own account). True once done.',
    args: { name: t.arg.string({ required: true, description: "The user's name." }) },
    resolve: async (_root, args, context) => {
      refuseOwnAccount(context.viewer, args.name, 'remove your own account');
      await context.users.remove(args.name);
      return true;
    },
  }),
  createApiToken: t.field({
    type: NewApiTokenType,
    description: 'Makes an API token for an integrator (admins only); the token is in this answer only.',
    args: {
      name: t.arg.string({ required: true, description: 'What it is for, e.g. "e-saraban": unique.' }),
      role: t.arg({ type: RoleEnum, required: true, description: 'What it may do.' }),
    },
    resolve: (_root, args, context) => context.apiTokens.create(args),
  }),
  revokeApiToken: t.field({
    type: ApiTokenType,
    description: 'Stops an API token from working, at once (admins only); it stays listed, revoked.',
    args: { name: t.arg.string({ required: true, description: "The token's name." }) },
    resolve: (_root, args, context) => context.apiTokens.revoke(args.name),
  }),
}));

/** An admin signed in to the studio may not lock themselves out: another admin, or the CLI, changes their account. */
function refuseOwnAccount(viewer: Viewer | null, name: string, what: string): void {
  if (viewer?.via === 'SESSION' && viewer.name === name) {
    throw new InputError('name', `you cannot ${what}: another admin, or saraban users on the server, can`);
  }
}
