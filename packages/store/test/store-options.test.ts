import { describe, expect, it } from 'vitest';
import { databaseLabel, storeOptionsFrom } from '../src/index.js';

describe('the database a user names', () => {
  it('is a PostgreSQL server when it is a postgres:// or postgresql:// URL, a SQLite file otherwise', () => {
    expect(storeOptionsFrom('postgres://saraban@db.example:5432/saraban')).toEqual({
      url: 'postgres://saraban@db.example:5432/saraban',
    });
    expect(storeOptionsFrom('POSTGRESQL://db.example/saraban')).toEqual({ url: 'POSTGRESQL://db.example/saraban' });
    expect(storeOptionsFrom('.saraban/saraban.db')).toEqual({ filename: '.saraban/saraban.db' });
    expect(storeOptionsFrom('postgres.db')).toEqual({ filename: 'postgres.db' });
  });

  it('is shown in logs without its password', () => {
    expect(databaseLabel('postgres://saraban:s3cret@db.example/saraban')).toBe(
      'postgres://saraban:***@db.example/saraban',
    );
    expect(databaseLabel('postgres://saraban@db.example/saraban')).toBe('postgres://saraban@db.example/saraban');
    expect(databaseLabel('.saraban/saraban.db')).toBe('.saraban/saraban.db');
  });
});
