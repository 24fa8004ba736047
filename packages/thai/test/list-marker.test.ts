import { expect, test } from 'vitest';
import { InvalidListPathError, type ListMarkerStyle, listMarker, UnknownCodeError } from '../src/index.js';

test.each<[number[], ListMarkerStyle, 'THAI' | 'ARABIC' | undefined, string]>([
  [[1], 'dot', undefined, '๑.'],
  [[12], 'dot', 'THAI', '๑๒.'],
  [[2], 'dot', 'ARABIC', '2.'],
  [[1, 3], 'paren', undefined, '๓)'],
  [[3], 'paren', 'ARABIC', '3)'],
  [[2, 1, 4], 'parens', undefined, '(๔)'],
  [[4], 'parens', 'ARABIC', '(4)'],
  [[6], 'outline', undefined, '๖.'],
  [[6, 5], 'outline', undefined, '๖.๕'],
  [[1, 1, 2], 'outline', undefined, '๑.๑.๒'],
  [[1, 10, 2], 'outline', 'ARABIC', '1.10.2'],
  [[5], 'dash', undefined, '-'],
  [[5, 2], 'dash', 'ARABIC', '-'],
  [[5], 'none', undefined, ''],
])('%j %s %s -> %j', (path, style, digits, expected) => {
  expect(listMarker(path, style, digits)).toBe(expected);
});

test.each([[[]], [[0]], [[1, -1]], [[1.5]], [[Number.NaN]]])('refuses the path %j', (path) => {
  expect(() => listMarker(path, 'dot')).toThrow(InvalidListPathError);
});

test('refuses an unknown style', () => {
  expect(() => listMarker([1], 'roman' as ListMarkerStyle)).toThrow(UnknownCodeError);
});
