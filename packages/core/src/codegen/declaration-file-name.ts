/**
 * The file TypeScript reads for the types of a module named `fileName` that is not
 * TypeScript, under `allowArbitraryExtensions`: `schema.graphql` -> `schema.d.graphql.ts`. Only
 * the last extension counts (`shop.schema.graphql` -> `shop.schema.d.graphql.ts`); a name without
 * one gets `.d.ts`, as TypeScript looks it up. Takes and returns a base name, no folders.
 */
export function declarationFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return `${fileName}.d.ts`;
  return `${fileName.slice(0, dot)}.d${fileName.slice(dot)}.ts`;
}
