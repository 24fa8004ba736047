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

builder.scalarType('File', {
  description:
    'A file uploaded in a GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec): ' +
    'send its variable as null in "operations" and map a form part to it. Input only.',
  serialize: () => {
    throw new GraphQLError('File is an input type: a file is never sent back');
  },
  parseValue: (value) => {
    // graphql-yoga puts a Blob (a File) where the multipart map points; anything else was sent as JSON.
    if (typeof value !== 'object' || value === null || typeof (value as Blob).arrayBuffer !== 'function') {
      throw new GraphQLError('File must be uploaded as a part of a multipart request, not given as JSON');
    }
    return value as Blob;
  },
});
