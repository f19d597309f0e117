/**
 * The files `wesley generate` writes into the output directory, in its order (see
 * `renderArtifacts` in `@wesley/cli`; a test keeps the two in step). Listed here so that the
 * plugin can name the exact outputs without loading the compiler.
 */
export const generatedFiles = ['schema.sql', 'types.ts', 'zod.ts', 'ir.json'] as const;

/** Where the `plan` target writes its migration directory, relative to the project root. */
export const planDirectory = '.wesley/plan';
