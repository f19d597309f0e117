import { Kind, print, type ConstDirectiveNode, type ConstValueNode } from 'graphql';
import { sqlExpressionProblem } from '../sql/sql-expression-problem.js';
import type { DiagnosticSink } from './diagnostic-sink.js';
import { closest, didYouMean, suggestionText } from './suggest.js';
import {
  canonicalNames,
  directiveSpec,
  resolveSpelling,
  type ArgSpec,
  type ArgType,
  type DirectiveLocation,
  type DirectiveSpec,
} from './vocabulary/index.js';

/** A literal argument value as Wesley reads it. */
export type ArgValue = string | number | boolean | readonly string[] | LiteralValue;

/** `@wes_default(value:)` and friends: the literal and the GraphQL kind it was written as. */
export interface LiteralValue {
  readonly literal: 'string' | 'int' | 'float' | 'boolean' | 'enum' | 'list';
  readonly text: string;
  readonly items: readonly LiteralValue[];
}

/** One Wesley directive on one element, with its arguments read and checked. */
export interface ReadDirective {
  readonly spec: DirectiveSpec;
  readonly node: ConstDirectiveNode;
  readonly args: ReadonlyMap<string, ArgValue>;
  /** The AST node of each argument, to point diagnostics at it. */
  readonly argNodes: ReadonlyMap<string, ConstValueNode>;
}

/** Wesley directives of one element, by canonical name (repeatable ones may appear several times). */
export type DirectiveMap = ReadonlyMap<string, readonly ReadDirective[]>;

/**
 * Reads the directives of one object type or field: resolves legacy spellings (with a warning),
 * rejects unknown names, wrong locations, unknown or ill-typed arguments, repeats and two
 * spellings of one directive. Directives the user declared themselves are skipped.
 */
export function readDirectives(
  nodes: readonly ConstDirectiveNode[],
  location: DirectiveLocation,
  userDirectives: ReadonlySet<string>,
  sink: DiagnosticSink,
): DirectiveMap {
  if (nodes.length === 0) return noDirectives;
  const found = new Map<string, ReadDirective[]>();
  // The first use of each directive on this element: a repeat or second spelling points back at it.
  const firstUse = new Map<string, ConstDirectiveNode>();
  for (const node of nodes) {
    const written = node.name.value;
    const spelling = resolveSpelling(written);
    if (spelling === null) {
      if (!userDirectives.has(written)) reportUnknown(node, sink);
      continue;
    }
    const spec = directiveSpec(spelling.canonical, location);
    if (spec === undefined) {
      const other = location === 'OBJECT' ? 'fields' : 'object types';
      sink.report(
        'WES007',
        node,
        `@${written} cannot be used on ${location === 'OBJECT' ? 'an object type' : 'a field'}`,
        `@${spelling.canonical} belongs on ${other}`,
      );
      continue;
    }
    const first = firstUse.get(spec.name);
    const previous = first?.name.value;
    if (previous !== undefined && previous !== written) {
      sink.report(
        'WES008',
        node,
        `@${written} and @${previous} are two spellings of @${spec.name} on one element`,
        `keep only @${spec.name}`,
        [{ anchor: first, message: `@${previous} given here` }],
      );
      continue;
    }
    if (previous !== undefined && !spec.repeatable) {
      sink.report('WES008', node, `@${written} is given twice here`, 'remove the repeated directive', [
        { anchor: first, message: `@${previous} first given here` },
      ]);
      continue;
    }
    if (spelling.legacy) {
      sink.report('WES009', node, `@${written} is a deprecated spelling of @${spec.name}`, `write @${spec.name}`);
    }
    if (first === undefined) firstUse.set(spec.name, node);
    const read = readArguments(node, spec, sink);
    if (read === null) continue;
    const list = found.get(spec.name) ?? [];
    list.push(read);
    found.set(spec.name, list);
  }
  return found;
}

const noDirectives: DirectiveMap = new Map();

/**
 * The canonical directive names (`wes_table`) closest to an unknown one, closest first, up to
 * three: WES003's "did you mean", and the fix an editor offers for it.
 */
export function similarDirectives(written: string): string[] {
  // Compare without the shared `wes_` prefix, or every name looks close to every other.
  const bare = (name: string): string => name.replace(/^(wes|wesley)_/, '');
  return closest(bare(written), [...canonicalNames].map(bare)).map((name) => `wes_${name}`);
}

/** WES003 for a directive that is neither Wesley's nor declared by the schema. */
export function reportUnknown(node: ConstDirectiveNode, sink: DiagnosticSink): void {
  const written = node.name.value;
  const suggestion = suggestionText(similarDirectives(written).map((name) => `@${name}`));
  const own = `declare \`directive @${written} on ...\` if it is your own`;
  const help = suggestion !== undefined ? `${suggestion} (or ${own})` : `see docs/directives.md, or ${own}`;
  sink.report('WES003', node, `unknown directive @${written}`, help);
}

function readArguments(node: ConstDirectiveNode, spec: DirectiveSpec, sink: DiagnosticSink): ReadDirective | null {
  const values = new Map<string, ArgValue>();
  const argNodes = new Map<string, ConstValueNode>();
  // A wrong argument is reported once and dropped; the directive itself still counts (so a typo
  // in an argument does not also cause "no primary key"), unless a required argument is lacking.
  let invalid: Set<string> | undefined;
  let ok = true;
  for (const arg of node.arguments ?? []) {
    const name = arg.name.value;
    const argSpec = spec.args[name];
    if (argSpec === undefined) {
      const known = Object.keys(spec.args);
      const help = didYouMean(name, known) ?? (known.length > 0 ? `arguments: ${known.join(', ')}` : `@${spec.name} takes no arguments`);
      sink.report('WES004', arg, `@${node.name.value} has no argument "${name}"`, help);
      continue;
    }
    const value = readValue(arg.value, argSpec.type);
    if (value === undefined) {
      sink.report(
        'WES006',
        arg.value,
        `@${node.name.value}(${name}:) expects ${describe(argSpec.type)}, got ${print(arg.value)}`,
        `write ${name}: ${example(argSpec.type)}`,
      );
      (invalid ??= new Set()).add(name);
      continue;
    }
    if (typeof value === 'string' && !isOneExpression(node, name, value, argSpec.type, arg.value, sink)) {
      // The directive goes whole: without its SQL, what it declares is unknown (a default
      // without its expression would also be reported as having neither value nor expr).
      (invalid ??= new Set()).add(name);
      ok = false;
      continue;
    }
    values.set(name, value);
    argNodes.set(name, arg.value);
  }
  for (const name in spec.args) {
    const argSpec = spec.args[name] as ArgSpec;
    if (argSpec.required && !values.has(name)) {
      if (invalid?.has(name) === true) {
        ok = false;
        continue;
      }
      sink.report(
        'WES005',
        node,
        `@${node.name.value} needs the argument "${name}"`,
        `write @${spec.name}(${name}: ${example(argSpec.type)})`,
      );
      ok = false;
    }
  }
  return ok ? { spec, node, args: values, argNodes } : null;
}

/**
 * WES033 unless an `Expression` argument is exactly one SQL expression. The DDL writes it into
 * a statement as it is, so anything more (a `;`, a second statement, a parenthesis closed early)
 * would run as SQL the schema never declared; the check covers every such argument, since
 * every directive is read here.
 */
function isOneExpression(
  directive: ConstDirectiveNode,
  name: string,
  text: string,
  type: ArgType,
  at: ConstValueNode,
  sink: DiagnosticSink,
): boolean {
  if (type !== 'Expression' && type !== 'DefaultExpression') return true;
  const problem = sqlExpressionProblem(text, type === 'DefaultExpression' ? 'default' : 'parenthesized');
  if (problem === null) return true;
  const where = problem.offset === null ? '' : ` (at character ${problem.offset + 1} of the expression)`;
  sink.report(
    'WES033',
    at,
    `@${directive.name.value}(${name}:) is not one SQL expression: ${problem.reason}${where}`,
    type === 'DefaultExpression'
      ? 'write one SQL expression, in parentheses if it uses AND, OR, NOT, IS or COLLATE: no `;`, no second statement, no `--` comment at its end'
      : 'write one SQL expression: no `;`, no second statement, no parenthesis it did not open, no `--` comment at its end',
  );
  return false;
}

function readValue(node: ConstValueNode, type: ArgType): ArgValue | undefined {
  switch (type) {
    case 'String':
    case 'Expression':
    case 'DefaultExpression':
      return node.kind === Kind.STRING ? node.value : undefined;
    case 'Int':
      return node.kind === Kind.INT ? Number(node.value) : undefined;
    case 'Boolean':
      return node.kind === Kind.BOOLEAN ? node.value : undefined;
    case 'Word':
      return node.kind === Kind.STRING || node.kind === Kind.ENUM ? node.value : undefined;
    case 'StringList':
      if (node.kind === Kind.STRING) return [node.value];
      if (node.kind !== Kind.LIST) return undefined;
      return node.values.every((v) => v.kind === Kind.STRING) ? node.values.map((v) => (v.kind === Kind.STRING ? v.value : '')) : undefined;
    case 'Literal':
      return readLiteral(node);
    case 'Json':
      return print(node);
  }
}

function readLiteral(node: ConstValueNode): LiteralValue | undefined {
  switch (node.kind) {
    case Kind.STRING:
      return { literal: 'string', text: node.value, items: [] };
    case Kind.INT:
      return { literal: 'int', text: node.value, items: [] };
    case Kind.FLOAT:
      return { literal: 'float', text: node.value, items: [] };
    case Kind.BOOLEAN:
      return { literal: 'boolean', text: String(node.value), items: [] };
    case Kind.ENUM:
      return { literal: 'enum', text: node.value, items: [] };
    case Kind.LIST: {
      const items = node.values.map(readLiteral);
      if (items.some((item) => item === undefined || item.literal === 'list')) return undefined;
      return { literal: 'list', text: print(node), items: items as LiteralValue[] };
    }
    default:
      return undefined;
  }
}

function describe(type: ArgType): string {
  return {
    String: 'a string',
    Int: 'an integer',
    Boolean: 'true or false',
    StringList: 'a list of strings',
    Word: 'a name',
    Literal: 'a literal value',
    Expression: 'an SQL expression in a string',
    DefaultExpression: 'an SQL expression in a string',
    Json: 'a value',
  }[type];
}

function example(type: ArgType): string {
  return {
    String: '"..."',
    Int: '1',
    Boolean: 'true',
    StringList: '["a", "b"]',
    Word: 'NAME',
    Literal: '"..."',
    Expression: '"price >= 0"',
    DefaultExpression: '"now()"',
    Json: '{}',
  }[type];
}
