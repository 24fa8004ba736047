import {
  type GraphQLField,
  type GraphQLInputField,
  GraphQLInputObjectType,
  type GraphQLNamedType,
  GraphQLObjectType,
  type GraphQLSchema,
  GraphQLUnionType,
  getNamedType,
} from 'graphql';

/**
 * How deep the read-back selection goes: blocks nest (a list's items hold lists, sections hold bodies), and the
 * server refuses queries deeper than 20 or longer than 5,000 tokens.
 */
const MAX_DEPTH = 4;

/** An input whose fields are alternatives, one given (BlockInput), and the union type the same blocks read back as. */
function isChoice(type: GraphQLInputObjectType): boolean {
  return (type as { isOneOf?: boolean }).isOneOf === true || type.name === 'BlockInput';
}

/** "paragraph" → "Paragraph": a block's input field names the output type it reads back as. */
function typeNameOf(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

/**
 * The selection that reads back, from an output type, every field an input type has under the same name (the
 * contract names them alike), alternatives (body blocks) through their union by type name.
 */
function selection(input: GraphQLInputObjectType, output: GraphQLNamedType, depth: number): string {
  // Deeper, only whether something is there: a document with more than the form reads is not saved over.
  if (depth > MAX_DEPTH) return '__typename';
  if (isChoice(input) && output instanceof GraphQLUnionType) {
    const members = new Map(output.getTypes().map((type) => [type.name, type]));
    const parts = Object.values(input.getFields()).map((field) => {
      const member = members.get(typeNameOf(field.name));
      const inner = getNamedType(field.type);
      const sub = member && inner instanceof GraphQLInputObjectType ? selection(inner, member, depth + 1) : '';
      return sub.trim() === '' ? '' : `... on ${member?.name} { ${sub} }`;
    });
    return `__typename ${parts.join(' ')}`;
  }
  if (!(output instanceof GraphQLObjectType)) return '';
  const fields = output.getFields();
  const parts = Object.values(input.getFields()).map((field: GraphQLInputField) => {
    const read: GraphQLField<unknown, unknown> | undefined = fields[field.name];
    if (!read) return '';
    const inner = getNamedType(field.type);
    const readType = getNamedType(read.type);
    if (inner instanceof GraphQLInputObjectType) {
      const sub = selection(inner, readType, depth + 1);
      return sub.trim() === '' ? '' : `${field.name} { ${sub} }`;
    }
    return readType instanceof GraphQLObjectType || readType instanceof GraphQLUnionType ? '' : field.name;
  });
  return parts.filter(Boolean).join(' ');
}

/** Thrown when a stored document holds more than the read-back selection reads. */
class TooDeepError extends Error {
  override readonly name = 'TooDeepError';
}

/** A read-back value in the input type's shape: blocks from `{ __typename: 'Paragraph', … }` to `{ paragraph: … }`. */
function asInput(value: unknown, input: GraphQLInputObjectType, depth: number): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((each) => asInput(each, input, depth));
  if (depth > MAX_DEPTH) throw new TooDeepError(`blocks nested deeper than ${MAX_DEPTH} levels`);
  const record = value as Record<string, unknown>;
  if (isChoice(input)) {
    const typename = String(record.__typename ?? '');
    const field = Object.values(input.getFields()).find((each) => typeNameOf(each.name) === typename);
    if (!field) return undefined;
    const inner = getNamedType(field.type);
    return { [field.name]: inner instanceof GraphQLInputObjectType ? asInput(record, inner, depth + 1) : true };
  }
  const result: Record<string, unknown> = {};
  for (const field of Object.values(input.getFields())) {
    const given = record[field.name];
    if (given === null || given === undefined) continue;
    const inner = getNamedType(field.type);
    result[field.name] = inner instanceof GraphQLInputObjectType ? asInput(given, inner, depth + 1) : given;
  }
  return result;
}

/**
 * The query that reads a stored document back as a DocumentInput, and how to turn its answer into one: made from
 * the schema, so every input field the Document type shows under the same name comes back, to fill the staff form
 * with and send to updateDocument.
 *
 * @example
 * const read = storedInputQuery(schema);
 * const { document } = await graphql(read.query, { id });
 * form.write(read.input(document));
 */
export function storedInputQuery(schema: GraphQLSchema): {
  query: string;
  /** The document as a DocumentInput; undefined when it nests deeper than the query reads (edit it through the API). */
  input(document: unknown): unknown;
} {
  const input = schema.getType('DocumentInput') as GraphQLInputObjectType;
  const output = schema.getType('Document') as GraphQLObjectType;
  return {
    query: `query StoredDocument($id: ID!) { document(id: $id) { id version ${selection(input, output, 1)} } }`,
    input: (document) => {
      try {
        return asInput(document, input, 1);
      } catch (error) {
        if (error instanceof TooDeepError) return undefined;
        throw error;
      }
    },
  };
}
