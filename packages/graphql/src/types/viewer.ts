import type { User } from '@saraban/store';
import { UnauthenticatedError } from '../access-errors.js';
import { type Permission, permissionsOf } from '../access-policy.js';
import { builder } from '../builder.js';
import type { Viewer } from '../viewer.js';

export const RoleEnum = builder.enumType('Role', {
  description: 'What a user or an API token may do.',
  values: {
    ADMIN: { description: 'Everything, and managing users and API tokens.' },
    DESIGNER: { description: 'Read, and edit, check, preview, publish and roll back templates.' },
    STAFF: { description: 'Read, and write and print documents with their organizations, people and faces.' },
    VIEWER: { description: 'Read documents, templates and renders, and download PDFs.' },
  } as const,
});

const PermissionEnum = builder.enumType('Permission', {
  description: 'What an operation needs; each role has some (the studio shows only what the viewer may do).',
  values: {
    PUBLIC: { description: 'Anyone: who am I, sign in, sign out.' },
    READ: { description: 'Read documents, organizations, people, templates and renders, and download PDFs.' },
    WRITE_DOCUMENTS: { description: 'Write and print documents, and their organizations, people and faces.' },
    EDIT_TEMPLATES: { description: 'Edit, check, preview, publish and roll back templates.' },
    MANAGE_USERS: { description: 'See and manage users and API tokens.' },
  } as const satisfies Record<Permission, unknown>,
});

const ViewerVia = builder.enumType('ViewerVia', {
  description: 'How the viewer proved who they are.',
  values: {
    SESSION: { description: 'Signed in to the studio: a session cookie.' },
    TOKEN: { description: "An integrator's API token (Authorization: Bearer …)." },
    OPEN: {
      description:
        'Nobody: no user or token is configured and the server listens on a loopback address only, so anyone at ' +
        'this machine may do anything.',
    },
    OPERATOR: { description: 'A saraban command run on the database itself.' },
  } as const,
});

const ViewerType = builder.objectRef<Viewer>('Viewer').implement({
  description: 'Who is asking: a signed-in user, an API token, or nobody on an open server.',
  fields: (t) => ({
    name: t.exposeString('name', {
      nullable: true,
      description: "The user's or the token's name; null on an open server.",
    }),
    role: t.field({ type: RoleEnum, description: 'What they may do.', resolve: (v) => v.role }),
    via: t.field({ type: ViewerVia, description: 'How they proved who they are.', resolve: (v) => v.via }),
    open: t.boolean({
      description: 'True when the server runs open (no users configured): the studio says so on the page.',
      resolve: (v) => v.via === 'OPEN',
    }),
    permissions: t.field({
      type: [PermissionEnum],
      description: 'Everything their role allows: show only what they may do.',
      resolve: (v) => [...permissionsOf(v.role)],
    }),
  }),
});

export const UserType = builder.objectRef<User>('User').implement({
  description: 'Someone who signs in to the studio.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What they sign in with.' }),
    role: t.field({ type: RoleEnum, description: 'What they may do.', resolve: (u) => u.role }),
    createdAt: t.field({ type: 'DateTime', description: 'When the user was added.', resolve: (u) => u.createdAt }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When their role or password last changed.',
      resolve: (u) => u.updatedAt,
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerType,
    nullable: true,
    description: 'Who is asking; null when nobody is signed in on a server that has users (sign in first).',
    resolve: (_root, _args, context) => context.viewer,
  }),
);

builder.queryField('users', (t) =>
  t.field({
    type: [UserType],
    description:
      'Every user, by name (admins only). Add and change them with addUser and the mutations after it, or `saraban users`.',
    resolve: (_root, _args, context) => context.users.list(),
  }),
);

builder.mutationField('signIn', (t) =>
  t.field({
    type: ViewerType,
    description:
      'Sign in to the studio: starts a session kept in an HttpOnly, SameSite=Strict cookie (Secure over https) ' +
      'for 12 hours. A wrong name or password is UNAUTHENTICATED, without saying which. Attempts are limited per ' +
      'name and per client address (`limits.signInAttempts`, `addressFailures`): past either, TOO_MANY_ATTEMPTS ' +
      '(HTTP 429, Retry-After) before the password is checked.',
    args: {
      name: t.arg.string({ required: true, description: "The user's name." }),
      password: t.arg.string({ required: true, description: 'Their password.' }),
    },
    resolve: async (_root, args, context) => {
      const viewer = await context.session.signIn(args.name, args.password);
      if (!viewer) throw new UnauthenticatedError('Mutation.signIn', [], 'the name or the password is wrong');
      return viewer;
    },
  }),
);

builder.mutationField('signOut', (t) =>
  t.boolean({
    description: "Sign out: ends this browser's session. True once done (also when it had none).",
    resolve: async (_root, _args, context) => {
      await context.session.signOut();
      return true;
    },
  }),
);
