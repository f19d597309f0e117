/** Where a directive may stand. */
export type DirectiveLocation = 'OBJECT' | 'FIELD_DEFINITION';

/**
 * How an argument's literal is read:
 * - `String`, `Int`, `Boolean`: that literal kind;
 * - `StringList`: `["a", "b"]` (a single string is coerced to a one-element list, as GraphQL does);
 * - `Word`: a string or a bare enum literal (`strategy: RANGE` or `strategy: "RANGE"`);
 * - `Literal`: any scalar or enum literal (`@wes_default(value:)`);
 * - `Expression`: a string holding one SQL expression, trusted and written into the DDL as it
 *   is (`@wes_check(expr:)`), so PostgreSQL's parser must read it as exactly one expression;
 * - `DefaultExpression`: the same, written bare after a column's `DEFAULT`;
 * - `Json`: any value, objects included, read as its GraphQL text (the earlier Wesley's
 *   `@wes_rls(options: JSON)`, accepted so its schemas compile, and ignored with a warning).
 */
export type ArgType = 'String' | 'Int' | 'Boolean' | 'StringList' | 'Word' | 'Literal' | 'Expression' | 'DefaultExpression' | 'Json';

export interface ArgSpec {
  readonly type: ArgType;
  readonly required: boolean;
}

/** One directive of Wesley's vocabulary (docs/directives.md) at one location. */
export interface DirectiveSpec {
  /** Canonical name without `@`, e.g. `wes_table`. */
  readonly name: string;
  readonly location: DirectiveLocation;
  readonly args: Readonly<Record<string, ArgSpec>>;
  readonly repeatable: boolean;
  /** One line for docs and hints. */
  readonly summary: string;
}

/** Shorthand for building argument maps: `args({ name: 'String', 'columns!': 'StringList' })`. */
export function args(spec: Readonly<Record<string, ArgType>>): Readonly<Record<string, ArgSpec>> {
  const out: Record<string, ArgSpec> = {};
  for (const [key, type] of Object.entries(spec)) {
    const required = key.endsWith('!');
    out[required ? key.slice(0, -1) : key] = { type, required };
  }
  return out;
}

/** A builder of specs for one location: `at('OBJECT')('wes_table', 'summary', { name: 'String' })`. */
export function at(location: DirectiveLocation) {
  return (name: string, summary: string, argSpec: Readonly<Record<string, ArgType>> = {}, repeatable = false): DirectiveSpec => ({
    name,
    location,
    args: args(argSpec),
    repeatable,
    summary,
  });
}
