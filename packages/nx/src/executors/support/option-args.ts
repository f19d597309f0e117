/**
 * The command-line flags of the executor options `names`, each the `wesley` flag of the same name
 * in kebab case (`dbSchema` -> `--db-schema`, the rule test/executor-schemas.test.ts checks the
 * schemas by): `true` -> `--flag`, a string or number -> `--flag value`; `false` and absent
 * options add nothing.
 */
export function optionArgs<O extends object>(options: O, names: readonly (keyof O & string)[]): string[] {
  return names.flatMap((name) => {
    const value = options[name] as string | number | boolean | undefined;
    const flag = `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    if (value === undefined || value === false) return [];
    return value === true ? [flag] : [flag, String(value)];
  });
}
