import { compile } from './migrations-directory.js';

/** `event`, partitioned by `at`, before (`eventV1`) and after (`eventV2`) an index on `reading` (`event_reading_idx`). */
export const eventV1 = compile(`
type Event @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) {
  id: Int!
  at: DateTime!
  reading: Int
}`);
export const eventV2 = compile(`
type Event @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) {
  id: Int!
  at: DateTime!
  reading: Int @wes_index
}`);
