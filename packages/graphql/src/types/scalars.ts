import { ThaiFormatError, toCalendarDate } from '@saraban/thai';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.js';

builder.scalarType('Date', {
  description: 'A calendar date, ISO 8601 "YYYY-MM-DD": that calendar day everywhere, whatever the time zone.',
  serialize: (value) => value,
  parseValue: (value) => {
    try {
      if (typeof value !== 'string') throw new GraphQLError('expected a string "YYYY-MM-DD"');
      toCalendarDate(value);
      return value;
    } catch (error) {
      if (error instanceof ThaiFormatError || error instanceof GraphQLError) {
        throw new GraphQLError(`Date: ${error.message}`);
      }
      throw error;
    }
  },
});

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 in UTC, e.g. "2026-11-22T20:38:05.000Z".',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      throw new GraphQLError(`DateTime must be an ISO 8601 instant, got ${JSON.stringify(value)}`);
    }
    return new Date(value).toISOString();
  },
});
