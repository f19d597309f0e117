/**
 * `@wesley/config/files`: how Wesley shows paths and writes generated files, and the files of a
 * new project (`wesley init`, the Nx generators). An entry of its own
 * because it loads no zod (which the config's schema needs and costs tens of milliseconds to
 * load): the bundler plugin writes sidecars and `wesley` formats paths and looks for a config
 * without reading one.
 */
export { displayPath } from './display-path.js';
export { fileState, type FileState } from './file-state.js';
export { findConfigFile } from './find-config-file.js';
export { ignoreWesleyDirectories } from './ignore-wesley-directories.js';
export { starterSchema } from './starter-schema.js';
export { writeFileIfChanged } from './write-file-if-changed.js';
