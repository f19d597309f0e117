import { parseAst } from 'vite';

/**
 * The names an ES module exports, read from its syntax tree. A dev server's module cannot simply
 * be imported in Node: its imports are dev-server URLs.
 */
export function exportedNames(code: string): string[] {
  const names: string[] = [];
  for (const node of parseAst(code).body) {
    if (node.type !== 'ExportNamedDeclaration') continue;
    const declaration = node.declaration;
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier') names.push(declarator.id.name);
      }
    } else if (declaration && 'id' in declaration && declaration.id?.type === 'Identifier') {
      names.push(declaration.id.name);
    }
    for (const specifier of node.specifiers) {
      names.push(specifier.exported.type === 'Identifier' ? specifier.exported.name : String(specifier.exported.value));
    }
  }
  return names;
}
