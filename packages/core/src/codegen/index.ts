export { emitTypeScript } from './emit-typescript.js';
export { emitZod } from './emit-zod.js';
export type { EmitOptions } from './emit-options.js';
