import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  getLocation,
  Kind,
  type Location,
  parse,
  print,
  Source,
  validate,
  visit,
} from 'graphql';

/** A problem in a query or fragment file, 1-based. */
export interface QueryProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

/** The fragments in the shared directory's *.graphql files, by name. */
export type SharedFragments = ReadonlyMap<string, FragmentDefinitionNode>;

/**
 * Reads the shared fragments (every *.graphql file of `sharedDir`). `displayDir` is how files are named in
 * problems. A file that does not parse, a definition that is not a fragment, and a name defined twice are problems.
 *
 * @example
 * ```ts
 * const { fragments } = await loadSharedFragments('templates/_shared', 'templates/_shared');
 * fragments.has('BlockFields') // true
 * ```
 */
export async function loadSharedFragments(
  sharedDir: string,
  displayDir: string,
): Promise<{ fragments: SharedFragments; problems: QueryProblem[] }> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const problems: QueryProblem[] = [];
  const files = (await readdir(sharedDir).catch(() => [])).filter((file) => file.endsWith('.graphql')).sort();
  for (const file of files) {
    const source = new Source(await readFile(join(sharedDir, file), 'utf8'), `${displayDir}/${file}`);
    let document: DocumentNode;
    try {
      document = parse(source);
    } catch (error) {
      problems.push(queryProblem(error as GraphQLError, source.name));
      continue;
    }
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.FRAGMENT_DEFINITION) {
        problems.push(problemAt(definition.loc, source.name, 'Shared files hold fragments only'));
      } else if (fragments.has(definition.name.value)) {
        problems.push(problemAt(definition.loc, source.name, `Fragment "${definition.name.value}" is defined twice`));
      } else {
        fragments.set(definition.name.value, definition);
      }
    }
  }
  return { fragments, problems };
}

/**
 * Parses a template's query, appends the shared fragments it uses (transitively: unused fragments fail
 * validation), and validates the whole against the schema. The query must be one operation with the variable
 * `$id: ID!` that selects `document(id: $id)`.
 *
 * @example
 * ```ts
 * const result = buildTemplateQuery(new Source(text, 'templates/memo/query.graphql'), fragments, schema);
 * if ('problem' in result) throw new Error(result.problem.reason);
 * ```
 */
export function buildTemplateQuery(
  source: Source,
  fragments: SharedFragments,
  schema: GraphQLSchema,
): { query: DocumentNode } | { problem: QueryProblem } {
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    return { problem: queryProblem(error as GraphQLError, source.name) };
  }
  const shapeProblem = checkOperationShape(document, source.name);
  if (shapeProblem) return { problem: shapeProblem };
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [...document.definitions, ...usedSharedFragments(document.definitions, fragments)],
  };
  const [error] = validate(schema, query);
  if (error) return { problem: queryProblem(error, source.name) };
  return { query };
}

/** The shared fragments the definitions spread, directly or through other shared fragments, not defined locally. */
function usedSharedFragments(
  definitions: readonly DefinitionNode[],
  fragments: SharedFragments,
): FragmentDefinitionNode[] {
  const local = new Set(
    definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [definition.name.value] : [])),
  );
  const used = new Map<string, FragmentDefinitionNode>();
  const pending = [...definitions];
  for (let definition = pending.pop(); definition; definition = pending.pop()) {
    visit(definition, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (local.has(name) || used.has(name) || !fragment) return;
        used.set(name, fragment);
        pending.push(fragment);
      },
    });
  }
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}

function checkOperationShape(document: DocumentNode, file: string): QueryProblem | undefined {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || !operation) {
    return problemAt(operations[1]?.loc ?? document.loc, file, 'A template query is exactly one operation');
  }
  if (operation.operation !== 'query') return problemAt(operation.loc, file, 'A template query must be a query');
  const id = operation.variableDefinitions?.find((variable) => variable.variable.name.value === 'id');
  if (!id || print(id.type) !== 'ID!') {
    return problemAt(id?.loc ?? operation.loc, file, 'A template query declares the variable $id: ID!');
  }
  const selectsDocument = operation.selectionSet.selections.some(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === 'document',
  );
  if (!selectsDocument) return problemAt(operation.loc, file, 'A template query selects document(id: $id)');
  return undefined;
}

/** A GraphQL error as a problem in the file its first node (or its source) comes from. */
function queryProblem(error: GraphQLError, defaultFile: string): QueryProblem {
  const node = error.nodes?.[0];
  const source = node?.loc?.source ?? error.source;
  const location = error.locations?.[0] ?? { line: 1, column: 1 };
  // Syntax errors say "Syntax Error: …"; validation errors are plain sentences.
  return { file: source?.name ?? defaultFile, line: location.line, column: location.column, reason: error.message };
}

function problemAt(location: Location | undefined, file: string, reason: string): QueryProblem {
  const { line, column } = location ? getLocation(location.source, location.start) : { line: 1, column: 1 };
  return { file, line, column, reason };
}
