import { quoteIdent, quoteLiteral } from '../../naming/quote-ident.js';
import type { ColumnTypeIR, ValueRulesIR } from '../../ir/types.js';
import { argAnchor, intArg, listArg, literalArg, one, stringArg } from '../directive-args.js';
import type { DirectiveMap, ReadDirective } from '../read-directives.js';
import { portablePattern } from '../../sql/portable-pattern.js';
import type { LowerContext } from './lower-context.js';

const numberBases = new Set(['smallint', 'integer', 'bigint', 'numeric', 'double precision', 'real']);
const textBases = new Set(['text', 'character varying', 'character', 'citext']);

/** Value rules plus the SQL of the CHECK that enforces them in the database. */
export interface LoweredRules {
  readonly rules: ValueRulesIR;
  readonly checkExpr: string;
}

/**
 * `@wes_constraint(min, max, minLength, maxLength, pattern, oneOf)`: the same rules become Zod
 * refinements (from the IR) and one CHECK constraint, so the app and the database agree.
 */
export function lowerRules(directives: DirectiveMap, column: string, type: ColumnTypeIR, ctx: LowerContext): LoweredRules | null {
  const d = one(directives, 'wes_constraint');
  if (d === undefined) return null;
  const isNumber = !type.array && numberBases.has(type.base);
  const isText = !type.array && textBases.has(type.base);
  // Read one by one, so their diagnostics keep this order; the object's keys are sorted (ir/types.ts).
  const min = bound(d, 'min', isNumber, type, ctx);
  const max = bound(d, 'max', isNumber, type, ctx);
  const minLength = textOnly(d, 'minLength', intArg(d, 'minLength'), isText, type, ctx);
  const maxLength = textOnly(d, 'maxLength', intArg(d, 'maxLength'), isText, type, ctx);
  const pattern = textOnly(d, 'pattern', stringArg(d, 'pattern'), isText, type, ctx);
  const oneOf = textOnly(d, 'oneOf', listArg(d, 'oneOf'), isText, type, ctx);
  const rules: ValueRulesIR = { max, maxLength, min, minLength, oneOf, pattern };
  const reading = rules.pattern === null ? null : portablePattern(rules.pattern);
  if (reading !== null && !reading.ok) {
    ctx.sink.report(
      'WES027',
      argAnchor(d, 'pattern'),
      `pattern ${JSON.stringify(rules.pattern)} is not read alike by PostgreSQL and JavaScript: ${reading.problem}`,
      'write it in the subset both engines read alike (docs/directives.md, @wes_constraint)',
    );
  }
  if (rules.min !== null && rules.max !== null && rules.min > rules.max) {
    ctx.sink.report('WES027', d.node, `min ${rules.min} is greater than max ${rules.max}`, 'swap or fix the bounds');
  }
  const col = quoteIdent(column);
  const parts = [
    rules.min !== null ? `${col} >= ${rules.min}` : null,
    rules.max !== null ? `${col} <= ${rules.max}` : null,
    rules.minLength !== null ? `char_length(${col}) >= ${rules.minLength}` : null,
    rules.maxLength !== null ? `char_length(${col}) <= ${rules.maxLength}` : null,
    rules.pattern !== null ? `${col} ~ ${quoteLiteral(rules.pattern)}` : null,
    rules.oneOf !== null ? `${col} IN (${rules.oneOf.map(quoteLiteral).join(', ')})` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) {
    // Rules that were given but rejected above were reported already.
    if ((d.node.arguments ?? []).length > 0) return null;
    ctx.sink.report(
      'WES027',
      d.node,
      '@wes_constraint without any rule',
      'give at least one of min, max, minLength, maxLength, pattern, oneOf',
    );
    return null;
  }
  return { rules, checkExpr: parts.join(' AND ') };
}

function bound(d: ReadDirective, name: string, isNumber: boolean, type: ColumnTypeIR, ctx: LowerContext): number | null {
  const value = literalArg(d, name);
  if (value === undefined) return null;
  if (!isNumber) {
    ctx.sink.report(
      'WES027',
      argAnchor(d, name),
      `${name} applies to numeric columns (this one is ${type.sql})`,
      'use minLength/maxLength for text, or remove the rule',
    );
    return null;
  }
  if (value.literal !== 'int' && value.literal !== 'float') {
    ctx.sink.report(
      'WES027',
      argAnchor(d, name),
      `${name} needs a number, got ${value.literal === 'string' ? JSON.stringify(value.text) : value.text}`,
      `write ${name}: 0`,
    );
    return null;
  }
  return Number(value.text);
}

function textOnly<T>(
  d: ReadDirective,
  name: string,
  value: T | undefined,
  isText: boolean,
  type: ColumnTypeIR,
  ctx: LowerContext,
): T | null {
  if (value === undefined) return null;
  if (!isText) {
    ctx.sink.report(
      'WES027',
      argAnchor(d, name),
      `${name} applies to text columns (this one is ${type.sql})`,
      'use min/max for numbers, or remove the rule',
    );
    return null;
  }
  return value;
}
