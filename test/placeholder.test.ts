import { expect, test } from 'vitest';

test('workspace', () => {
  expect(1).toBe(1);
});
