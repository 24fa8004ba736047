import {
  TemplateCheckError,
  TemplateFillError,
  TemplateFillMemoryError,
  TemplateFillTimeoutError,
} from '@saraban/engine';
import { BrowserCrashError, ChromiumLaunchError, PrinterClosedError, PrintTimeoutError } from '@saraban/print';
import {
  BundleSizeError,
  FontNotStoredError,
  MissingGlyphsError,
  TemplateNotLoadedError,
  TemplateQueryError,
} from '@saraban/render';
import {
  ArchiveExpiredError,
  ListBoundsError,
  NameTakenError,
  NotFoundError,
  VersionConflictError,
  WeakPasswordError,
} from '@saraban/store';
import { GraphQLError } from 'graphql';
import { ForbiddenError, TooManyAttemptsError, UnauthenticatedError } from './access-errors.js';

/** An error as a client gets it: a stable code, a message that says what to do, and the details a form can use. */
export interface ClientError {
  code: string;
  message: string;
  extensions: Record<string, unknown>;
}

/**
 * The one map from the errors Saraban's parts throw to what a client gets. Every error a client can cause or meet is
 * here; anything else is a bug, and undefined.
 *
 * @example
 * clientError(new NotFoundError('document', id))
 * // { code: 'NOT_FOUND', message: 'document … does not exist', extensions: { entity: 'document', id } }
 */
export function clientError(error: unknown): ClientError | undefined {
  if (error instanceof GraphQLError) {
    // GraphQL's own errors (syntax, validation, a variable of the wrong type) and ours (InputError) say what to fix.
    const original = error.originalError;
    if (original && !(original instanceof GraphQLError)) return clientError(original);
    const { code = 'GRAPHQL_VALIDATION_FAILED', ...extensions } = error.extensions;
    return { code: String(code), message: error.message, extensions };
  }
  if (error instanceof UnauthenticatedError) {
    return {
      code: 'UNAUTHENTICATED',
      message: error.message,
      extensions: { operation: error.operation, needed: error.needed, http: { status: 401 } },
    };
  }
  if (error instanceof ForbiddenError) {
    const { operation, role, needed } = error;
    return {
      code: 'FORBIDDEN',
      message: error.message,
      extensions: { operation, role, needed, http: { status: 403 } },
    };
  }
  if (error instanceof TooManyAttemptsError) {
    const { limitName, limit, found, retryAfterSeconds } = error.count;
    return {
      code: 'TOO_MANY_ATTEMPTS',
      message: error.message,
      extensions: {
        limitName,
        limit,
        found,
        retryAfter: retryAfterSeconds,
        http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
      },
    };
  }
  if (error instanceof NotFoundError) {
    return { code: 'NOT_FOUND', message: error.message, extensions: { entity: error.entity, id: error.id } };
  }
  if (error instanceof VersionConflictError) {
    const { entity, id, expectedVersion, actualVersion } = error;
    return {
      code: 'VERSION_CONFLICT',
      message: error.message,
      extensions: { entity, id, expectedVersion, actualVersion },
    };
  }
  if (error instanceof ArchiveExpiredError) {
    return {
      code: 'ARCHIVE_EXPIRED',
      message: error.message,
      extensions: { id: error.id, expiresAt: error.expiresAt, http: { status: 410 } },
    };
  }
  if (error instanceof NameTakenError) {
    // Only a name argument can be taken (addUser, createApiToken).
    return { code: 'BAD_USER_INPUT', message: error.message, extensions: { field: 'name', entity: error.entity } };
  }
  if (error instanceof WeakPasswordError) {
    return {
      code: 'BAD_USER_INPUT',
      message: error.message,
      extensions: { field: 'password', minLength: error.minLength },
    };
  }
  if (error instanceof ListBoundsError) {
    return { code: 'BAD_USER_INPUT', message: error.message, extensions: { field: error.option } };
  }
  if (error instanceof TemplateNotLoadedError) {
    return { code: 'TEMPLATE_NOT_LOADED', message: error.message, extensions: { template: error.template } };
  }
  if (error instanceof TemplateQueryError) {
    return {
      code: 'TEMPLATE_QUERY_FAILED',
      message: `${error.message}: fix the template's query, or the document's data it reads`,
      extensions: { template: error.template, file: error.file },
    };
  }
  if (error instanceof TemplateFillError) {
    const { template, file, line, column, reason } = error;
    return {
      code: 'TEMPLATE_RENDER_FAILED',
      message:
        `template "${template}" failed to fill in, at ${file}:${line}:${column}: ${reason}. ` +
        "Fix the template there: a field it reads must be selected by the template's query.graphql",
      extensions: { template, file, line, column },
    };
  }
  if (error instanceof TemplateFillTimeoutError) {
    return {
      code: 'TEMPLATE_FILL_TIMEOUT',
      message:
        `${error.message}: simplify the template (loops inside loops), ` +
        'or have the limit raised (--fill-timeout of saraban serve, render or batch)',
      extensions: { template: error.template, limit: error.limitMs },
    };
  }
  if (error instanceof TemplateFillMemoryError) {
    const { template, limitMb, characters } = error;
    return {
      code: 'TEMPLATE_FILL_MEMORY',
      message:
        `${error.message}: simplify the template (long text repeated inside loops), ` +
        'or have the limit raised (--fill-memory of saraban serve, render or batch)',
      extensions: characters === undefined ? { template, limit: limitMb } : { template, limit: limitMb, characters },
    };
  }
  if (error instanceof BundleSizeError) {
    return { code: 'BAD_USER_INPUT', message: error.message, extensions: { field: 'documentIds', limit: error.limit } };
  }
  if (error instanceof MissingGlyphsError) {
    return { code: 'MISSING_GLYPHS', message: error.message, extensions: { characters: error.characters } };
  }
  if (error instanceof TemplateCheckError) {
    const { template, problems } = error;
    return {
      code: 'TEMPLATE_INVALID',
      message: `template "${template}" was not published: ${problems.map((problem) => problem.message).join('; ')}`,
      extensions: {
        template,
        problems: problems.map(({ file, line, column, reason }) => ({ file, line, column, message: reason })),
      },
    };
  }
  if (error instanceof FontNotStoredError) {
    return { code: 'FONT_NOT_FOUND', message: error.message, extensions: { fontId: error.fontId } };
  }
  if (error instanceof PrintTimeoutError) {
    return {
      code: 'PRINT_TIMEOUT',
      message:
        `printing took longer than the limit of ${error.timeoutMs} ms: split the document into shorter ones, ` +
        'or have the limit raised (--print-timeout of saraban serve, render or batch)',
      extensions: { limit: error.timeoutMs },
    };
  }
  if (error instanceof BrowserCrashError) {
    return {
      code: 'PRINT_FAILED',
      message: `${error.message}: the document may be too large for Chromium; try again, or split it`,
      extensions: {},
    };
  }
  if (error instanceof ChromiumLaunchError) {
    // The path and Chromium's own words are for the operator (logged, and printed by the CLI), not for a client.
    return {
      code: 'PRINTER_UNAVAILABLE',
      message:
        error.launchTimeoutMs === undefined
          ? 'Chromium could not be started: the operator must fix its installation (SARABAN_CHROMIUM)'
          : `Chromium did not start within ${error.launchTimeoutMs} ms: try again in a moment`,
      extensions: error.launchTimeoutMs === undefined ? {} : { limit: error.launchTimeoutMs },
    };
  }
  if (error instanceof PrinterClosedError) {
    return { code: 'UNAVAILABLE', message: 'the server is shutting down: try again in a moment', extensions: {} };
  }
  return undefined;
}

/**
 * graphql-yoga's `maskedErrors.maskError`: each error of a response through {@link clientError}, with its code in
 * `extensions.code`. A bug reads `message` ("Unexpected error."); yoga logs it whole for the operator.
 *
 * @example
 * createYoga({ schema, maskedErrors: { maskError } });
 */
export function maskError(error: unknown, message: string): Error {
  const located = error instanceof GraphQLError ? error : undefined;
  const known = clientError(error);
  if (known && located && !located.originalError) return located;
  const original = located?.originalError ?? error;
  return new GraphQLError(known?.message ?? message, {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
    originalError: original instanceof Error ? original : undefined,
    extensions: known ? { code: known.code, ...known.extensions } : { code: 'INTERNAL_SERVER_ERROR' },
  });
}
