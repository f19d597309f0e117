export { unplugin } from './unplugin.js';
export type { Options } from './options.js';
