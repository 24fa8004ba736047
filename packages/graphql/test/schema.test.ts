import { readFile } from 'node:fs/promises';
import { schema, schemaSdl } from '@saraban/graphql';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { describe, expect, test } from 'vitest';

describe('the GraphQL schema', () => {
  test('schema/schema.graphql is the SDL generated from the code (run `pnpm saraban schema --write schema/schema.graphql`)', async () => {
    const checkedIn = await readFile(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(checkedIn).toBe(schemaSdl());
  });

  test("every type, field, argument and enum value has a description: the SDL is the integrators' manual", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || (isScalarType(type) && !['Date', 'DateTime'].includes(type.name))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
      if (isUnionType(type) && type.getTypes().length === 0) missing.push(`${type.name} has no members`);
    }
    expect(missing).toEqual([]);
  });
});
