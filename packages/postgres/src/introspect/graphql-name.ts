/**
 * GraphQL type name for a table or enum found in a database: the PascalCase of its words
 * (`order_line` -> `OrderLine`, `Order Line` -> `OrderLine`, `user` -> `User`). The database
 * does not store the GraphQL spelling, so this is the conventional guess; a name starting with
 * a digit gets a `_` so that it is a valid GraphQL name.
 */
export function pascalCaseName(name: string): string {
  return validName(words(name).map(capitalise).join(''));
}

/** GraphQL field name for a column: camelCase of its words (`created_at` -> `createdAt`). */
export function camelCaseName(name: string): string {
  const [first = '', ...rest] = words(name);
  return validName(first.charAt(0).toLowerCase() + first.slice(1) + rest.map(capitalise).join(''));
}

function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function validName(name: string): string {
  return /^[0-9]/.test(name) || name === '' ? `_${name}` : name;
}
