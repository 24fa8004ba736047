import { ROLES, type Role } from '@saraban/store';

/** What an operation needs: each root field of the schema needs exactly one of these. */
export type Permission =
  /** Anyone, signed in or not: who am I, sign in, sign out. */
  | 'PUBLIC'
  /** Read documents, organizations, people, templates, renders and their PDFs. */
  | 'READ'
  /** Write and print documents, and the organizations, people and faces they are filled from. */
  | 'WRITE_DOCUMENTS'
  /** Edit, check, preview, publish and roll back templates. */
  | 'EDIT_TEMPLATES'
  /** See and manage users and API tokens. */
  | 'MANAGE_USERS';

/** What each role may do: viewers read, staff write documents, designers edit templates, admins everything. */
const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  VIEWER: ['PUBLIC', 'READ'],
  STAFF: ['PUBLIC', 'READ', 'WRITE_DOCUMENTS'],
  DESIGNER: ['PUBLIC', 'READ', 'EDIT_TEMPLATES'],
  ADMIN: ['PUBLIC', 'READ', 'WRITE_DOCUMENTS', 'EDIT_TEMPLATES', 'MANAGE_USERS'],
};

/**
 * The one access policy: the permission every query and mutation needs. A root field missing here fails the schema's
 * build (access-plugin.ts), so nothing new is ever served unchecked.
 */
const FIELD_PERMISSIONS: Readonly<Record<'Query' | 'Mutation', Readonly<Record<string, Permission>>>> = {
  Query: {
    viewer: 'PUBLIC',
    users: 'MANAGE_USERS',
    apiTokens: 'MANAGE_USERS',
    batchJob: 'READ',
    document: 'READ',
    documents: 'READ',
    font: 'READ',
    measures: 'READ',
    organization: 'READ',
    organizations: 'READ',
    people: 'READ',
    person: 'READ',
    render: 'READ',
    template: 'READ',
    templateDiff: 'READ',
    templateLanguage: 'READ',
    templates: 'READ',
    checkTemplate: 'EDIT_TEMPLATES',
  },
  Mutation: {
    signIn: 'PUBLIC',
    signOut: 'PUBLIC',
    addUser: 'MANAGE_USERS',
    setUserRole: 'MANAGE_USERS',
    setUserPassword: 'MANAGE_USERS',
    removeUser: 'MANAGE_USERS',
    createApiToken: 'MANAGE_USERS',
    revokeApiToken: 'MANAGE_USERS',
    createDocument: 'WRITE_DOCUMENTS',
    updateDocument: 'WRITE_DOCUMENTS',
    deleteDocument: 'WRITE_DOCUMENTS',
    renderDocument: 'WRITE_DOCUMENTS',
    renderBatch: 'WRITE_DOCUMENTS',
    renderBundle: 'WRITE_DOCUMENTS',
    createOrganization: 'WRITE_DOCUMENTS',
    updateOrganization: 'WRITE_DOCUMENTS',
    deleteOrganization: 'WRITE_DOCUMENTS',
    createPerson: 'WRITE_DOCUMENTS',
    updatePerson: 'WRITE_DOCUMENTS',
    deletePerson: 'WRITE_DOCUMENTS',
    createFont: 'WRITE_DOCUMENTS',
    saveTemplateDraft: 'EDIT_TEMPLATES',
    discardTemplateDraft: 'EDIT_TEMPLATES',
    previewTemplate: 'EDIT_TEMPLATES',
    publishTemplate: 'EDIT_TEMPLATES',
    rollbackTemplate: 'EDIT_TEMPLATES',
  },
};

/**
 * The permission a root field needs; undefined for a field the policy does not name (the build then fails).
 *
 * @example
 * fieldPermission('Mutation', 'createDocument') // 'WRITE_DOCUMENTS'
 */
export function fieldPermission(type: 'Query' | 'Mutation', field: string): Permission | undefined {
  return FIELD_PERMISSIONS[type][field];
}

/**
 * Whether a role has a permission.
 *
 * @example
 * roleAllows('VIEWER', 'WRITE_DOCUMENTS') // false
 */
export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * Every permission of a role, as the studio reads them (`viewer { permissions }`) to hide what the role cannot do.
 *
 * @example
 * permissionsOf('STAFF') // ['PUBLIC', 'READ', 'WRITE_DOCUMENTS']
 */
export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/**
 * The roles that have a permission, most powerful first: what a refusal names.
 *
 * @example
 * rolesWith('WRITE_DOCUMENTS') // ['ADMIN', 'STAFF']
 */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => roleAllows(role, permission));
}
