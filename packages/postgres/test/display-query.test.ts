import { describe, expect, it } from 'vitest';
import { displayQuery } from '../src/execute/wait-for-lock-holders.js';

describe('displayQuery', () => {
  it("puts another session's statement on one line", () => {
    expect(displayQuery('SELECT *\n  FROM invoice\n\tWHERE id = 1  ')).toBe('SELECT * FROM invoice WHERE id = 1');
  });

  it('shortens it to 120 characters', () => {
    const shown = displayQuery(`SELECT ${'x, '.repeat(100)}y FROM t`);
    expect(shown).toHaveLength(120);
    expect(shown.endsWith('…')).toBe(true);
  });

  it.each([
    ["ALTER ROLE app PASSWORD 'hunter2'", "ALTER ROLE app PASSWORD '***'"],
    [
      "CREATE USER app WITH ENCRYPTED password 'it''s hunter2' VALID UNTIL 'infinity'",
      "CREATE USER app WITH ENCRYPTED password '***' VALID UNTIL 'infinity'",
    ],
    ["ALTER ROLE app PASSWORD E'hunter\\'2'", "ALTER ROLE app PASSWORD '***'"],
    // Cut short by track_activity_query_size: the rest of the text is the password.
    ["CREATE ROLE app LOGIN PASSWORD 'hunter2", "CREATE ROLE app LOGIN PASSWORD '***'"],
    [
      "CREATE USER MAPPING FOR app SERVER s OPTIONS (user 'app', password 'hunter2')",
      "CREATE USER MAPPING FOR app SERVER s OPTIONS (user 'app', password '***')",
    ],
    ["SELECT dblink_connect('postgres://app:hunter2@db/app')", "SELECT dblink_connect('postgres://app:***@db/app')"],
    ["SELECT dblink_connect('host=db password=hunter2')", "SELECT dblink_connect('host=db password=***')"],
  ])('masks the password in %s', (query, shown) => {
    expect(displayQuery(query)).toBe(shown);
    expect(displayQuery(query)).not.toContain('hunter');
  });
});
