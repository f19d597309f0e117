import type { Diagnostic, SchemaIR, SchemaSource } from '@wesley/core';

/** One side of a plan (`--from` or `--to`), read from SDL files, an `ir.json` or a database. */
export interface SchemaInput {
  /** How messages name it: the file path(s), or the database URL without its password. */
  readonly label: string;
  /** The schema, or `null` when the SDL has errors (they are in `diagnostics`). */
  readonly ir: SchemaIR | null;
  /** The SDL files, for diagnostic excerpts and source positions; empty for the other kinds. */
  readonly sources: readonly SchemaSource[];
  /** What compiling the SDL reported; empty for the other kinds. */
  readonly diagnostics: readonly Diagnostic[];
  /** `server_version_num` of the database it was read from, else `null`. */
  readonly serverVersion: number | null;
  /** What the user should know about how it was read (printed as notes); empty for files. */
  readonly notices: readonly string[];
}
