import { compile } from './migrations-directory.js';

const event = (keys: string, index: string, foreignKey: string) => `
type Device @wes_table { id: Int! @wes_pk }
type Event @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"])${keys} {
  id: Int!
  at: DateTime!
  reading: Int${index}
  deviceId: Int${foreignKey}
}`;

/**
 * `event`, partitioned by `at`, and `device`, before (`eventKeysV1`) and after (`eventKeysV2`)
 * an index on `reading` (`event_reading_idx`), a unique constraint on `reading, at`
 * (`event_reading_at_key`) and a foreign key from `device_id` to `device`.
 */
export const eventKeysV1 = compile(event('', '', ''));
export const eventKeysV2 = compile(event(' @wes_unique(columns: ["reading", "at"])', ' @wes_index', ' @wes_fk(ref: "Device.id")'));
