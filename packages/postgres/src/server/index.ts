export { startEmbeddedPostgres, embeddedBinaries, defaultEmbeddedDataDir, type EmbeddedPostgresOptions } from './embedded-server.js';
export { findSystemPostgres, startSystemPostgres, type SystemPostgresOptions } from './system-server.js';
export { startCluster, type ClusterOptions } from './start-cluster.js';
export type { RunningServer } from './running-server.js';
export type { PostgresBinaries, BinariesOrigin } from './postgres-binaries.js';
export { serverUser, defaultServerUserName, type ServerUser } from './server-user.js';
