import type { Change } from '../diff/change.js';

/**
 * What a change is about, as `enum`, `table` or `table.object`: the middle part of step ids
 * (`add-column:account.email`) and what explain output names.
 */
export function changeTarget(change: Change): string {
  switch (change.kind) {
    case 'createEnum':
    case 'dropEnum':
      return change.enum.name;
    case 'addEnumValue':
      return `${change.enum}.${change.value}`;
    case 'alterEnumValues':
      return change.to.name;
    case 'createTable':
    case 'dropTable':
    case 'renameTable':
    case 'alterPartition':
      return change.table;
    default:
      return `${change.table}.${objectName(change)}`;
  }
}

type TableObjectChange = Exclude<
  Change,
  { kind: 'createEnum' | 'dropEnum' | 'addEnumValue' | 'alterEnumValues' | 'createTable' | 'dropTable' | 'renameTable' | 'alterPartition' }
>;

function objectName(change: TableObjectChange): string {
  switch (change.kind) {
    case 'addColumn':
    case 'dropColumn':
      return change.column.name;
    case 'setNotNull':
    case 'dropNotNull':
      return change.column;
    case 'renameColumn':
    case 'renameConstraint':
    case 'renameIndex':
      return change.to;
    case 'alterColumnType':
    case 'alterDefault':
    case 'alterGenerated':
    case 'alterPrimaryKey':
    case 'alterUnique':
    case 'alterForeignKey':
    case 'alterCheck':
    case 'replaceIndex':
      return change.to.name;
    case 'addPrimaryKey':
    case 'dropPrimaryKey':
      return change.primaryKey.name;
    case 'addUnique':
    case 'dropUnique':
      return change.unique.name;
    case 'addForeignKey':
    case 'dropForeignKey':
      return change.foreignKey.name;
    case 'addCheck':
    case 'dropCheck':
      return change.check.name;
    case 'addIndex':
    case 'dropIndex':
      return change.index.name;
  }
}
