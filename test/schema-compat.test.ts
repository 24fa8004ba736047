import { readFileSync } from 'node:fs';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { schema, schemaSdl } from '@saraban/graphql';
import {
  buildSchema,
  type FieldDefinitionNode,
  type GraphQLSchema,
  type InputValueDefinitionNode,
  Kind,
  parse,
  print,
  validate,
  visit,
} from 'graphql';
import { describe, expect, test } from 'vitest';

// The SDL as it stood at a fixed earlier commit (3ffcb68, before covers, sections and figures): every later schema
// must keep every query written against it working. Move it forward only to a commit whose SDL clients rely on.
const baseSdl = readFileSync(new URL('./fixtures/schema-3ffcb68.graphql', import.meta.url), 'utf8');
const operations = parse(readFileSync(new URL('./fixtures/integrator-operations.graphql', import.meta.url), 'utf8'));

/** The changes from `before` to `after` that break a client (graphql-inspector's criticality), as its messages. */
async function breakingChanges(before: GraphQLSchema, after: GraphQLSchema): Promise<string[]> {
  const changes = await diff(before, after);
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking).map((c) => c.message);
}

describe('the schema keeps the contract of the fixed earlier SDL', () => {
  test('no change since it breaks a client: types, fields, arguments and enum values are only added', async () => {
    expect(await breakingChanges(buildSchema(baseSdl), schema)).toEqual([]);
  });

  test("an integrator's operations written against it validate against it and against today's schema", () => {
    expect(validate(buildSchema(baseSdl), operations).map((error) => error.message)).toEqual([]);
    expect(validate(schema, operations).map((error) => error.message)).toEqual([]);
  });

  test('the check fails on a breaking change: a field removed, a required argument added', async () => {
    /** Today's SDL with one object type's fields changed. */
    const changed = (type: string, change: (fields: FieldDefinitionNode[]) => FieldDefinitionNode[]) =>
      buildSchema(
        print(
          visit(parse(schemaSdl()), {
            ObjectTypeDefinition: (node) =>
              node.name.value === type ? { ...node, fields: change([...(node.fields ?? [])]) } : undefined,
          }),
        ),
      );
    const withoutSubject = changed('Document', (fields) => fields.filter((field) => field.name.value !== 'subject'));
    expect(await breakingChanges(schema, withoutSubject)).toEqual([
      expect.stringMatching(/'subject'.*removed.*'Document'|'Document\.subject'.*removed/),
    ]);
    const strictRender = changed('Mutation', (fields) =>
      fields.map((field) =>
        field.name.value === 'renderDocument'
          ? { ...field, arguments: [...(field.arguments ?? []), requiredArgument('strict')] }
          : field,
      ),
    );
    expect(await breakingChanges(schema, strictRender)).toHaveLength(1);
  });
});

function requiredArgument(name: string): InputValueDefinitionNode {
  return {
    kind: Kind.INPUT_VALUE_DEFINITION,
    name: { kind: Kind.NAME, value: name },
    type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Boolean' } } },
  };
}
