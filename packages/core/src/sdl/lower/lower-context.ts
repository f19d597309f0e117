import type { ColumnTypeIR } from '../../ir/types.js';
import type { NameAllocator } from '../../naming/name-allocator.js';
import type { CollectedTypes } from '../collect-types.js';
import type { DiagnosticSink, RelatedAnchor } from '../diagnostic-sink.js';
import type { RlsSettings } from './lower-security.js';

/** What every lowering step may read: the collected types, the scalar table, the sink. */
export interface LowerContext {
  readonly sink: DiagnosticSink;
  readonly types: CollectedTypes;
  /** GraphQL scalar name -> column type (built-ins plus config). */
  readonly scalars: ReadonlyMap<string, ColumnTypeIR>;
  /** The session settings row-level security policies compare with. */
  readonly rls: RlsSettings;
  /** GraphQL enum name -> PostgreSQL enum type name. */
  readonly enumNames: ReadonlyMap<string, string>;
  /** PostgreSQL enum type name -> its labels. */
  readonly enumLabels: ReadonlyMap<string, readonly string[]>;
  /** GraphQL type names of `@wes_table` types. */
  readonly tableTypes: ReadonlySet<string>;
  /**
   * Index and constraint names share one namespace per PostgreSQL schema (with tables); each
   * keeps where it was taken, for the note of a WES031.
   */
  readonly relationNames: NameAllocator<RelatedAnchor>;
}
