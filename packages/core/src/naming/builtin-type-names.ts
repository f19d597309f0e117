/**
 * Every type name in `pg_catalog` (PostgreSQL 15 to 18 have the same ones, besides the row types
 * of catalog tables and views, which all start with `pg_`, and the array types, which start with
 * `_`): base, pseudo, range and multirange types.
 */
const catalogTypes = `aclitem any anyarray anycompatible anycompatiblearray anycompatiblemultirange anycompatiblenonarray
  anycompatiblerange anyelement anyenum anymultirange anynonarray anyrange bit bool box bpchar bytea char cid cidr circle
  cstring date datemultirange daterange event_trigger fdw_handler float4 float8 gtsvector index_am_handler inet int2
  int2vector int4 int4multirange int4range int8 int8multirange int8range internal interval json jsonb jsonpath
  language_handler line lseg macaddr macaddr8 money name numeric nummultirange numrange oid oidvector path point polygon
  record refcursor regclass regcollation regconfig regdictionary regnamespace regoper regoperator regproc regprocedure
  regrole regtype table_am_handler text tid time timestamp timestamptz timetz trigger tsm_handler tsmultirange tsquery
  tsrange tstzmultirange tstzrange tsvector txid_snapshot unknown uuid varbit varchar void xid xid8 xml`;

/**
 * Names the parser itself turns into a `pg_catalog` type when they are written bare (the SQL
 * standard's `integer`, `float`, `decimal`, ...), and the `serial` family that `CREATE TABLE`
 * turns into an integer column with a sequence.
 */
const parserTypes = `int integer smallint bigint real float decimal dec numeric boolean character nchar
  varchar timestamp time interval bit json serial serial2 serial4 serial8 smallserial bigserial`;

const names: ReadonlySet<string> = new Set(`${catalogTypes} ${parserTypes}`.split(/\s+/).filter(Boolean));

/**
 * `true` when a type named `name` in the user's schema would not be the type an unqualified
 * reference finds: `pg_catalog` comes first on every `search_path` (unless listed later
 * explicitly), so `CREATE TYPE "interval"` makes a type that a column declared `interval` never
 * gets. Covers the catalog's types, their arrays (`_int4`), its row types (`pg_class`), and the
 * names the parser maps (`int`, `float`, `serial`). `packages/postgres/test/builtin-type-names.test.ts`
 * derives the colliding names from each test server and checks this covers them.
 */
export function isBuiltinTypeName(name: string): boolean {
  const base = name.startsWith('_') ? name.slice(1) : name;
  return names.has(base) || base.startsWith('pg_');
}
