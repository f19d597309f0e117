import type { DirectiveLocation, DirectiveSpec } from './directive-spec.js';
import { fieldDirectives } from './field-directives.js';
import { objectDirectives } from './object-directives.js';
import { resolveSpelling } from './spellings.js';

export type { ArgSpec, ArgType, DirectiveLocation, DirectiveSpec } from './directive-spec.js';
export { objectDirectives } from './object-directives.js';
export { fieldDirectives } from './field-directives.js';
export { canonicalNames, isWesleyName, resolveSpelling, type Spelling } from './spellings.js';

const byLocation: Readonly<Record<DirectiveLocation, ReadonlyMap<string, DirectiveSpec>>> = {
  OBJECT: new Map(objectDirectives.map((spec) => [spec.name, spec])),
  FIELD_DEFINITION: new Map(fieldDirectives.map((spec) => [spec.name, spec])),
};

/** The spec of a canonical directive at a location, or `undefined` when it may not stand there. */
export function directiveSpec(name: string, location: DirectiveLocation): DirectiveSpec | undefined {
  return byLocation[location].get(name);
}

/** A directive name that is neither Wesley's (in any spelling) nor declared by the schema. */
export function isUnknownDirective(name: string, userDirectives: ReadonlySet<string>): boolean {
  return resolveSpelling(name) === null && !userDirectives.has(name);
}
