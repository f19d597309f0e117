import type { ArgValue, DirectiveMap, LiteralValue, ReadDirective } from './read-directives.js';

/** The single use of a non-repeatable directive, if present. */
export function one(map: DirectiveMap, name: string): ReadDirective | undefined {
  return map.get(name)?.[0];
}

/** Every use of a (repeatable) directive. */
export function all(map: DirectiveMap, name: string): readonly ReadDirective[] {
  return map.get(name) ?? [];
}

export function stringArg(d: ReadDirective | undefined, name: string): string | undefined {
  const v: ArgValue | undefined = d?.args.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function intArg(d: ReadDirective | undefined, name: string): number | undefined {
  const v = d?.args.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function boolArg(d: ReadDirective | undefined, name: string): boolean | undefined {
  const v = d?.args.get(name);
  return typeof v === 'boolean' ? v : undefined;
}

export function listArg(d: ReadDirective | undefined, name: string): readonly string[] | undefined {
  const v = d?.args.get(name);
  return Array.isArray(v) ? (v as readonly string[]) : undefined;
}

export function literalArg(d: ReadDirective | undefined, name: string): LiteralValue | undefined {
  const v = d?.args.get(name);
  return v !== undefined && typeof v === 'object' && !Array.isArray(v) ? (v as LiteralValue) : undefined;
}

/** The node to point a diagnostic about argument `name` at (the directive when absent). */
export function argAnchor(
  d: ReadDirective,
  name: string,
): ReadDirective['node'] | NonNullable<ReturnType<ReadDirective['argNodes']['get']>> {
  return d.argNodes.get(name) ?? d.node;
}
