export { emitTypeScript } from './emit-typescript.js';
export { emitZod } from './emit-zod.js';
export type { EmitOptions } from './emit-options.js';
export { emitModule } from './emit-module.js';
export { emitModuleDeclarations } from './emit-module-declarations.js';
export { declarationFileName } from './declaration-file-name.js';
export { acceptsValue } from './accepts-value.js';
