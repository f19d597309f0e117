import type { FieldDefinitionNode } from 'graphql';
import type {
  CheckIR,
  ColumnIR,
  ForeignKeyIR,
  IndexIR,
  PartitionIR,
  PrimaryKeyIR,
  RelationIR,
  TableSecurityIR,
  UniqueIR,
} from '../../ir/types.js';
import type { NameAllocator } from '../../naming/name-allocator.js';
import type { ObjectModel } from '../collect-types.js';
import type { RelatedAnchor } from '../diagnostic-sink.js';
import type { DirectiveMap } from '../read-directives.js';
import type { FieldShape } from './field-shape.js';

/** A column while its table is being lowered: the IR plus where it came from. */
export interface ColumnDraft {
  readonly column: ColumnIR;
  readonly field: FieldDefinitionNode;
  readonly shape: FieldShape;
  readonly directives: DirectiveMap;
}

/** A table while it is being lowered; becomes a `TableIR` at the end. */
export interface TableDraft {
  readonly model: ObjectModel;
  readonly name: string;
  readonly directives: DirectiveMap;
  readonly columns: ColumnDraft[];
  readonly relations: RelationIR[];
  primaryKey: PrimaryKeyIR | null;
  readonly uniques: UniqueIR[];
  readonly foreignKeys: ForeignKeyIR[];
  readonly checks: CheckIR[];
  readonly indexes: IndexIR[];
  partition: PartitionIR | null;
  security: TableSecurityIR | null;
  /** Constraint names are unique per table (FK and CHECK names live here), each with where it was taken. */
  readonly constraintNames: NameAllocator<RelatedAnchor>;
  /**
   * Fields that could not become a column (already reported), by field name, with their
   * directives: later checks that name them stay quiet instead of reporting a second error.
   */
  readonly brokenFields: Map<string, DirectiveMap>;
}

/**
 * Finds a column by GraphQL field name or by column name (both are accepted wherever a
 * directive lists columns).
 */
export function findColumn(table: TableDraft, name: string): ColumnDraft | undefined {
  return table.columns.find((c) => c.column.graphqlName === name) ?? table.columns.find((c) => c.column.name === name);
}
