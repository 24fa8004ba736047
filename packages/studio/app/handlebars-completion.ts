import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import {
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type SelectionSetNode,
} from 'graphql';

/** What template.hbs may use besides the query's data, as the API's templateLanguage answers it. */
export interface TemplateLanguage {
  helpers: string[];
  partials: string[];
  fragments: string;
  /** The built-in faces and their scale against TH SarabunPSK, for measuring official sizes. */
  faces: Array<{ name: string; scale: number }>;
}

/** One field of the data template.hbs fills in from: its type, whether it is a list, and the fields it selects. */
interface DataField {
  type: string;
  list: boolean;
  description: string | null;
  fields: Map<string, DataField>;
}

/** Handlebars' own block helpers, which every template has. */
const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'];

/**
 * The data a query gives template.hbs: each selected field (by its alias when it has one) with its type, fragments
 * and inline fragments merged in. Undefined when the query does not parse (the last good one is kept by the caller).
 */
function queryData(schema: GraphQLSchema, query: string, fragments: string): DataField | undefined {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(`${query}\n${fragments}`);
  } catch {
    return undefined;
  }
  const definitions = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) definitions.set(definition.name.value, definition);
  }
  const root: DataField = { type: 'Query', list: false, description: null, fields: new Map() };
  const queryType = schema.getQueryType();
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!queryType || !operation || operation.kind !== Kind.OPERATION_DEFINITION) return root;
  const collect = (set: SelectionSetNode, type: GraphQLCompositeType, into: DataField, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = definitions.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        if (isCompositeType(condition)) {
          collect(fragment.selectionSet, condition, into, new Set([...seen, fragment.name.value]));
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (isCompositeType(condition)) collect(selection.selectionSet, condition, into, seen);
      } else {
        const name = selection.name.value;
        const definition =
          name === '__typename' || !(isObjectType(type) || isInterfaceType(type)) ? undefined : type.getFields()[name];
        const key = selection.alias?.value ?? name;
        const fieldType = definition?.type;
        const inner = fieldType && (isNonNullType(fieldType) ? fieldType.ofType : fieldType);
        const field = into.fields.get(key) ?? {
          type: fieldType ? String(getNamedType(fieldType)) : 'String',
          list: inner !== undefined && isListType(inner),
          description: definition?.description ?? null,
          fields: new Map(),
        };
        into.fields.set(key, field);
        const named = fieldType && getNamedType(fieldType);
        if (selection.selectionSet && isCompositeType(named)) collect(selection.selectionSet, named, field, seen);
      }
    }
  };
  collect(operation.selectionSet, queryType, root, new Set());
  return root;
}

/** A Handlebars path ("organization.name", "../subject", "this") from a scope, or undefined when it names nothing. */
function resolvePath(path: string, scopes: readonly DataField[]): DataField | undefined {
  let depth = scopes.length - 1;
  let rest = path;
  if (rest.startsWith('@root.') || rest === '@root') {
    depth = 0;
    rest = rest.slice('@root'.length).replace(/^\./, '');
  }
  while (rest.startsWith('../')) {
    depth = Math.max(0, depth - 1);
    rest = rest.slice(3);
  }
  let field = scopes[depth];
  for (const part of rest.split(/[./]/).filter((each) => each !== '' && each !== 'this')) {
    field = field?.fields.get(part);
  }
  return field;
}

/**
 * The data in scope at the end of `before` (template.hbs up to the cursor): {{#with x}} and {{#each x}} open the
 * scope of x, {{#if}} and {{#unless}} keep it, a closing tag returns to the one outside.
 */
function scopesAt(before: string, root: DataField): DataField[] {
  const scopes: DataField[] = [root];
  const opened: string[] = [];
  for (const tag of before.matchAll(/\{\{~?\s*([#/])\s*([\w-]+)\s*([^}]*?)~?\}\}/g)) {
    const [, mark, helper = '', argument = ''] = tag;
    if (mark === '/') {
      if (opened.pop() !== undefined) scopes.pop();
      continue;
    }
    const path = argument.trim().split(/\s+/)[0] ?? '';
    const current = scopes.at(-1) as DataField;
    const scope = helper === 'with' || helper === 'each' ? resolvePath(path, scopes) : current;
    opened.push(helper);
    scopes.push(scope ?? { type: '?', list: false, description: null, fields: new Map() });
  }
  return scopes;
}

function fieldOptions(field: DataField | undefined): Completion[] {
  return [...(field?.fields ?? [])].map(([name, each]) => ({
    label: name,
    type: 'property',
    detail: each.list ? `[${each.type}]` : each.type,
    info: each.description ?? undefined,
  }));
}

/**
 * Completion in template.hbs inside `{{ … }}`: the fields of the query's data in scope at the cursor (after
 * {{#with document}}, the document's fields; after a dot, the fields of the path before it), the helpers, Handlebars'
 * block helpers after `{{#`, and the shared partials after `{{>`. The query is read at each completion, so a field
 * just added to query.graphql is offered at once.
 *
 * @example
 * EditorState.languageData.of(() => [{ autocomplete: handlebarsCompletion(schema, language, () => files.get('query.graphql')) }]);
 */
export function handlebarsCompletion(
  schema: GraphQLSchema | undefined,
  language: TemplateLanguage | undefined,
  query: () => string,
): (context: CompletionContext) => CompletionResult | null {
  let lastQuery: string | undefined;
  let lastData: DataField | undefined;
  const data = (): DataField | undefined => {
    const text = query();
    if (schema && text !== lastQuery) {
      lastData = queryData(schema, text, language?.fragments ?? '') ?? lastData;
      lastQuery = text;
    }
    return lastData;
  };
  return (context) => {
    const before = context.state.sliceDoc(0, context.pos);
    const open = before.lastIndexOf('{{');
    if (open < 0 || before.indexOf('}}', open) >= 0) return null;
    const inside = before.slice(open + 2).replace(/^\{|^~/, '');
    const word = /[\w.@/-]*$/.exec(inside)?.[0] ?? '';
    const from = context.pos - (word.length - (word.lastIndexOf('.') + 1));
    const head = inside.slice(0, inside.length - word.length);
    if (/^\s*>\s*$/.test(head)) {
      return { from, options: (language?.partials ?? []).map((label) => ({ label, type: 'namespace' })) };
    }
    if (/^\s*#\s*$/.test(head)) {
      return {
        from,
        options: [
          ...BLOCK_HELPERS.map((label) => ({ label, type: 'keyword' })),
          ...(language?.helpers ?? []).map((label) => ({ label, type: 'function' })),
        ],
      };
    }
    const root = data();
    if (!root) return null;
    const scopes = scopesAt(before.slice(0, open), root);
    const dot = word.lastIndexOf('.');
    if (dot >= 0) return { from, options: fieldOptions(resolvePath(word.slice(0, dot), scopes)) };
    const first = /^\s*(?:[#/]\s*)?$/.test(head) || /^\s*else\s*$/.test(head);
    return {
      from,
      options: [
        ...fieldOptions(scopes.at(-1)),
        ...(first ? (language?.helpers ?? []).map((label) => ({ label, type: 'function' })) : []),
        { label: 'this', type: 'variable' },
      ],
      validFor: /^[\w@-]*$/,
    };
  };
}
