import type { Change, ChangeKind } from '../../diff/change.js';
import type { Operation } from '../operation.js';
import { addCheck } from './add-check.js';
import { addColumn } from './add-column.js';
import { addEnumValue } from './add-enum-value.js';
import { addForeignKey } from './add-foreign-key.js';
import { addIndex } from './add-index.js';
import { addPrimaryKey } from './add-primary-key.js';
import { addUnique } from './add-unique.js';
import { alterCheck } from './alter-check.js';
import { alterColumnType } from './alter-column-type.js';
import { alterDefault } from './alter-default.js';
import { alterDerived } from './alter-derived.js';
import { alterEnumValues } from './alter-enum-values.js';
import { alterForeignKey } from './alter-foreign-key.js';
import { alterGenerated } from './alter-generated.js';
import { alterPartition } from './alter-partition.js';
import { alterPolicy } from './alter-policy.js';
import { alterPrimaryKey } from './alter-primary-key.js';
import { alterUnique } from './alter-unique.js';
import { createEnum } from './create-enum.js';
import { createPolicy } from './create-policy.js';
import { createTable } from './create-table.js';
import { dropCheck } from './drop-check.js';
import { dropColumn } from './drop-column.js';
import { dropEnum } from './drop-enum.js';
import { dropForeignKey } from './drop-foreign-key.js';
import { dropIndex } from './drop-index.js';
import { dropNotNull } from './drop-not-null.js';
import { dropPolicy } from './drop-policy.js';
import { dropPrimaryKey } from './drop-primary-key.js';
import { dropTable } from './drop-table.js';
import { dropUnique } from './drop-unique.js';
import { grantPrivileges } from './grant-privileges.js';
import { renameColumn } from './rename-column.js';
import { renameConstraint } from './rename-constraint.js';
import { renameIndex } from './rename-index.js';
import { renameTable } from './rename-table.js';
import { replaceIndex } from './replace-index.js';
import { replacePolicy } from './replace-policy.js';
import { revokePrivileges } from './revoke-privileges.js';
import { setForceRowSecurity } from './set-force-row-security.js';
import { setNotNull } from './set-not-null.js';
import { setRowSecurity } from './set-row-security.js';

/** Every operation by the change kind it plans. A change kind without one does not compile. */
export type OperationRegistry = { readonly [K in ChangeKind]: Operation<K> };

export const operations: OperationRegistry = {
  addCheck,
  addColumn,
  addEnumValue,
  addForeignKey,
  addIndex,
  addPrimaryKey,
  addUnique,
  alterCheck,
  alterColumnType,
  alterDefault,
  alterDerived,
  alterEnumValues,
  alterForeignKey,
  alterGenerated,
  alterPartition,
  alterPolicy,
  alterPrimaryKey,
  alterUnique,
  createEnum,
  createPolicy,
  createTable,
  dropCheck,
  dropColumn,
  dropEnum,
  dropForeignKey,
  dropIndex,
  dropNotNull,
  dropPolicy,
  dropPrimaryKey,
  dropTable,
  dropUnique,
  grantPrivileges,
  renameColumn,
  renameConstraint,
  renameIndex,
  renameTable,
  replaceIndex,
  replacePolicy,
  revokePrivileges,
  setForceRowSecurity,
  setNotNull,
  setRowSecurity,
};

/**
 * The operation for a change of any kind. The registry's type pairs each kind with its
 * operation; TypeScript cannot carry that pairing through a lookup by a union-typed key, so
 * the one cast lives here.
 */
export function operationFor(change: Change): Operation<ChangeKind> {
  return operations[change.kind] as unknown as Operation<ChangeKind>;
}
