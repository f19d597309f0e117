import {
  Kind,
  specifiedDirectives,
  type ConstDirectiveNode,
  type DocumentNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type NameNode,
} from 'graphql';
import { isWesleyName } from './vocabulary/index.js';

/** An object type with all its `extend type` blocks merged, in document order. */
export interface ObjectModel {
  readonly name: NameNode;
  readonly directives: readonly ConstDirectiveNode[];
  readonly fields: readonly FieldDefinitionNode[];
}

/** An enum with its extensions merged. */
export interface EnumModel {
  readonly name: NameNode;
  readonly values: readonly EnumValueDefinitionNode[];
}

export interface CollectedTypes {
  readonly objects: ReadonlyMap<string, ObjectModel>;
  readonly enums: ReadonlyMap<string, EnumModel>;
  /** Every other named type (scalars, inputs, interfaces, unions), so fields can tell what they point at. */
  readonly otherKinds: ReadonlyMap<string, string>;
  /**
   * Directives that are not Wesley's: the ones the user declared and GraphQL's own (`@deprecated`,
   * `@specifiedBy`, ...), checked only by GraphQL's rules.
   */
  readonly userDirectives: ReadonlySet<string>;
  /** `scalar X` declarations. */
  readonly declaredScalars: ReadonlySet<string>;
}

/** Groups the document's definitions and extensions by type name. */
export function collectTypes(document: DocumentNode): CollectedTypes {
  const objects = new Map<string, { name: NameNode; directives: ConstDirectiveNode[]; fields: FieldDefinitionNode[]; defined: boolean }>();
  const enums = new Map<string, { name: NameNode; values: EnumValueDefinitionNode[] }>();
  const otherKinds = new Map<string, string>();
  const userDirectives = new Set<string>(specifiedDirectives.map((d) => d.name));
  const declaredScalars = new Set<string>();
  for (const def of document.definitions) {
    switch (def.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION: {
        const existing = objects.get(def.name.value);
        // A second definition of a type was reported by GraphQL's UniqueTypeNames rule; merging
        // it would only add echoes of that one mistake.
        if (def.kind === Kind.OBJECT_TYPE_DEFINITION && existing?.defined === true) break;
        const model = existing ?? { name: def.name, directives: [], fields: [], defined: false };
        if (def.kind === Kind.OBJECT_TYPE_DEFINITION) {
          model.name = def.name;
          model.defined = true;
        }
        model.directives.push(...(def.directives ?? []));
        model.fields.push(...(def.fields ?? []));
        objects.set(def.name.value, model);
        break;
      }
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION: {
        const model = enums.get(def.name.value) ?? { name: def.name, values: [] };
        model.values.push(...(def.values ?? []));
        enums.set(def.name.value, model);
        break;
      }
      case Kind.SCALAR_TYPE_DEFINITION:
        declaredScalars.add(def.name.value);
        otherKinds.set(def.name.value, 'scalar');
        break;
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        otherKinds.set(def.name.value, 'input type');
        break;
      case Kind.INTERFACE_TYPE_DEFINITION:
        otherKinds.set(def.name.value, 'interface');
        break;
      case Kind.UNION_TYPE_DEFINITION:
        otherKinds.set(def.name.value, 'union');
        break;
      case Kind.DIRECTIVE_DEFINITION:
        if (!isWesleyName(def.name.value)) userDirectives.add(def.name.value);
        break;
      default:
        break;
    }
  }
  return { objects, enums, otherKinds, userDirectives, declaredScalars };
}
