import type { GraphQLSchema } from 'graphql';
import { resolveCodegenConfig, type WesleyCodegenConfig } from './codegen-config.js';

/** How `@graphql-codegen/typescript` can be named in a config. */
const typescriptPluginNames = new Set(['typescript', '@graphql-codegen/typescript']);

/**
 * Checks the setup before codegen runs the plugin (`PluginValidateFn` of
 * `@graphql-codegen/plugin-helpers`): the options, an output file that can hold what is
 * generated, and no `@graphql-codegen/typescript` in the same file, whose `Order` type would
 * clash with Wesley's `Order` row interface.
 * @throws Error saying what to change.
 */
export function validate(
  _schema: GraphQLSchema,
  _documents: readonly unknown[],
  config: WesleyCodegenConfig,
  outputFile: string,
  allPlugins: readonly Readonly<Record<string, unknown>>[],
): void {
  const { output } = resolveCodegenConfig(config);
  const withTypes = output !== 'zod';
  const extension = withTypes ? /\.(?:[cm]?ts|tsx)$/ : /\.(?:[cm]?[jt]s|[jt]sx)$/;
  if (!extension.test(outputFile) || /\.d\.[cm]?ts$/.test(outputFile)) {
    const wanted = withTypes ? 'a TypeScript module (.ts)' : 'a TypeScript or JavaScript module (.ts, .js)';
    throw new Error(`Wesley: output '${output}' needs ${wanted}, not ${outputFile}`);
  }
  const clash = withTypes && allPlugins.some((entry) => Object.keys(entry).some((name) => typescriptPluginNames.has(name)));
  if (clash) {
    throw new Error(
      `Wesley: ${outputFile} also runs @graphql-codegen/typescript, whose types have the same names as Wesley's row types; ` +
        "give the Wesley plugin an output file of its own (or set output: 'zod')",
    );
  }
}
