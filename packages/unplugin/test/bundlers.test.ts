/**
 * The plugin in the four real bundlers, on the fixture app (`main.ts` importing `OrderSchema`
 * and `OrderStatus` from the shop schema): the build runs in Node and validates, carries no
 * graphql, drops unused schemas, writes the sidecar, and fails on a broken schema with the
 * compiler's diagnostic where each bundler shows a location.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileSchema, emitModuleDeclarations } from '@wesley/core';
import type { Message } from 'esbuild';
import type { RollupError } from 'rollup';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundlers, WebpackErrors, type Built, type Bundler } from './support/bundlers.js';
import { fixtureApp, shopSchema, type FixtureApp } from './support/fixture-app.js';

const uuid = '550e8400-e29b-41d4-a716-446655440000';
const order = { id: uuid, customerId: uuid, status: 'PAID', placedAt: '2024-05-01T10:00:00Z', note: null };

/** What the fixture's `main.ts` exports. */
interface Main {
  readOrder(value: unknown): unknown;
  readonly paid: string;
}

/** Where an error in a schema is: its 1-based line and column. */
function locate(schema: string, token: string): { line: number; column: number } {
  const lines = schema.split('\n');
  const index = lines.findIndex((l) => l.includes(token));
  return { line: index + 1, column: (lines[index] ?? '').indexOf(token) + 1 };
}

/**
 * The shop schema with an unknown directive on `Order.note`, and where it is. The field's
 * description on that line, before the directive, has a character of two bytes in UTF-8: the
 * printed column counts characters, as editors do.
 */
const broken = shopSchema.replace('  note: String\n', '  "Hinweis für den Fahrer" note: String @wes_foo\n');
const brokenAt = locate(broken, '@wes_foo');

/** A bundler's error as it reports it: its text, its own location field, the frame and the stack it prints. */
interface Reported {
  readonly text: string;
  readonly loc: { file: string; line: number; column: number } | null;
  readonly frame: string;
  readonly stack: string;
}

/** The error each bundler reports, in the shape it reports it, from a rejected build. */
const reportedError: Readonly<Record<Bundler, (error: unknown) => Reported>> = {
  vite: (error) => fromRollup((error as { errors: RollupError[] }).errors[0]),
  rollup: (error) => fromRollup(error as RollupError),
  esbuild: (error) => {
    const message = (error as { errors: Message[] }).errors[0];
    const location = message?.location;
    return {
      text: message?.text ?? '',
      loc: location ? { file: location.file, line: location.line, column: location.column } : null,
      frame: message?.text ?? '',
      stack: '',
    };
  },
  // Webpack keeps only a message.
  webpack: (error) => {
    const first = (error as WebpackErrors).errors[0];
    return { text: first?.message ?? '', loc: null, frame: first?.message ?? '', stack: first?.stack ?? '' };
  },
};

function fromRollup(error: RollupError | undefined): Reported {
  const loc = error?.loc;
  return {
    text: error?.message ?? '',
    loc: loc ? { file: loc.file ?? '', line: loc.line, column: loc.column } : null,
    frame: error?.frame ?? '',
    stack: error?.stack ?? '',
  };
}

/**
 * The `line:column` a reader sees first for the error, as the bundler prints it: Vite's header
 * prints `loc` as it is (`[plugin wesley] <id>:<line>:<column>`, and its overlay the same);
 * Rollup writes `(<line>:<column>)` of its `loc` into the message; esbuild and webpack print
 * the message, which starts with the position Wesley writes.
 */
function printedPosition(bundler: Bundler, reported: Reported): string {
  if (bundler === 'vite') return `${reported.loc?.line}:${reported.loc?.column}`;
  const match = bundler === 'rollup' ? /\((\d+):(\d+)\): WES/.exec(reported.text) : /^\S+?:(\d+):(\d+) WES/m.exec(reported.text);
  return match ? `${match[1]}:${match[2]}` : `no position in ${JSON.stringify(reported.text)}`;
}

/** The position the `wesley` CLI prints for the same schema. */
function cliPosition(app: FixtureApp): string {
  const cli = fileURLToPath(new URL('../../cli/bin/wesley.cjs', import.meta.url));
  const run = spawnSync(process.execPath, [cli, 'generate', '--schema', 'schema.graphql', '--out-dir', 'cli-out'], {
    cwd: app.root,
    encoding: 'utf8',
  });
  const match = /schema\.graphql:(\d+):(\d+) +WES003/.exec(`${run.stdout}${run.stderr}`);
  return match ? `${match[1]}:${match[2]}` : `no position in ${run.stdout}${run.stderr}`;
}

describe.each(Object.keys(bundlers) as Bundler[])('%s', (bundler) => {
  describe('on the shop schema', () => {
    let app: FixtureApp;
    let built: Built;

    beforeAll(async () => {
      app = fixtureApp();
      built = await bundlers[bundler](app);
    });

    afterAll(() => app.dispose());

    it('builds a module that Node runs and that validates good and bad orders', async () => {
      const main = (await import(pathToFileURL(built.file).href)) as Main;
      expect(main.readOrder(order)).toEqual(order);
      expect(main.readOrder({ ...order, note: 'leave at the door' })).toEqual({ ...order, note: 'leave at the door' });
      expect(typeof main.readOrder({ ...order, status: 'LOST' })).toBe('string');
      expect(typeof main.readOrder({ ...order, id: 'not-a-uuid' })).toBe('string');
      const { placedAt: _, ...withoutPlacedAt } = order;
      expect(typeof main.readOrder(withoutPlacedAt)).toBe('string');
      expect(main.paid).toBe('PAID');
      expect(built.warnings.filter((w) => w.includes('WES'))).toEqual([]);
    });

    it('bundles no graphql code', () => {
      expect(built.code).toContain('placedAt');
      for (const marker of [
        'GraphQLError',
        'graphql/language',
        'Syntax Error: Unexpected',
        "from 'graphql'",
        'from "graphql"',
        'require("graphql")',
      ]) {
        expect(built.code).not.toContain(marker);
      }
    });

    it('drops the schemas the app does not import', () => {
      // Customer's email, Product's sku, the order insert schema and the decimal patterns are not used by main.ts.
      for (const unused of ['max(320)', 'sku', 'CustomerSchema', 'OrderInsertSchema', 'DECIMAL_12_2'])
        expect(built.code).not.toContain(unused);
    });

    it('writes the sidecar declaration beside the schema', () => {
      const { ir } = compileSchema({ name: 'schema.graphql', body: shopSchema });
      expect(ir).not.toBeNull();
      if (ir !== null) expect(app.read('schema.d.graphql.ts')).toBe(emitModuleDeclarations(ir));
    });
  });

  describe('on a changed schema', () => {
    let app: FixtureApp;

    beforeEach(() => {
      app = fixtureApp();
    });

    afterEach(() => app.dispose());

    it('fails with the compiler diagnostic when the schema is broken', async () => {
      app.write('schema.graphql', broken);
      const error = await bundlers[bundler](app).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
      const reported = reportedError[bundler](error);
      expect(reported.text).toContain('WES003 unknown directive @wes_foo');
      expect(reported.text).toContain('help: did you mean');
      // The position printed is the CLI's, 1-based, in every bundler.
      expect(printedPosition(bundler, reported)).toBe(`${brokenAt.line}:${brokenAt.column}`);
      expect(cliPosition(app)).toBe(`${brokenAt.line}:${brokenAt.column}`);
      expect(reported.text.match(/\d+:\d+/g) ?? []).toHaveLength(bundler === 'vite' ? 0 : 1);
      // Each bundler's own field where what it prints from it is that position. esbuild would print
      // its 0-based byte column: it has none from the plugin, and puts the import of the schema there.
      const importAt = locate(app.read('main.ts'), "'./schema.graphql'");
      expect(reported.loc).toEqual(
        {
          vite: { file: app.path('schema.graphql'), line: brokenAt.line, column: brokenAt.column },
          rollup: { file: app.path('schema.graphql'), line: brokenAt.line, column: brokenAt.column },
          esbuild: { file: 'main.ts', line: importAt.line, column: importAt.column - 1 },
          webpack: null,
        }[bundler],
      );
      expect(reported.frame).toContain(`> ${brokenAt.line} |   "Hinweis für den Fahrer" note: String @wes_foo`);
      // No stack trace of the plugin's internals after the diagnostic.
      expect(reported.stack).not.toMatch(/\bat /);
      // No sidecar from a schema that does not compile.
      expect(() => app.read('schema.d.graphql.ts')).toThrow(/ENOENT/);
    }, 60_000);

    it('compiles with the scalars of the wesley.config the config option names, and fails on a bad one', async () => {
      app.write('schema.graphql', `scalar Note\n${shopSchema.replace('  note: String\n', '  note: Note\n')}`);
      app.write('wesley.config.json', JSON.stringify({ schema: 'schema.graphql', scalars: { Note: 'varchar(5)' } }));
      // Relative to the bundler's root; Rollup has none but the working directory.
      const config = bundler === 'rollup' ? app.path('wesley.config.json') : 'wesley.config.json';
      const built = await bundlers[bundler](app, { config });
      const main = (await import(`${pathToFileURL(built.file).href}?scalars`)) as Main;
      expect(main.readOrder({ ...order, note: 'short' })).toEqual({ ...order, note: 'short' });
      expect(typeof main.readOrder({ ...order, note: 'too long for five' })).toBe('string');

      app.write('wesley.config.json', JSON.stringify({ schema: 'schema.graphql', scalars: { Note: '' } }));
      const error = await bundlers[bundler](app, { config }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(reportedError[bundler](error).text).toMatch(/wesley\.config\.json: scalars\.Note: must be a PostgreSQL type/);
    });

    it('exports a tenant table’s session settings, named by the rls settings of the config', async () => {
      app.write(
        'schema.graphql',
        'type Note @wes_table @wes_tenant(by: "orgId") {\n  id: ID! @wes_pk\n  orgId: UUID!\n  body: String!\n}\n',
      );
      app.write('main.ts', "export { NoteSessionSettings } from './schema.graphql';\n");
      app.write('wesley.config.json', JSON.stringify({ schema: 'schema.graphql', rls: { tenantSetting: 'acme.org_id' } }));
      const config = bundler === 'rollup' ? app.path('wesley.config.json') : 'wesley.config.json';
      const built = await bundlers[bundler](app, { config });
      const main = (await import(`${pathToFileURL(built.file).href}?rls`)) as { NoteSessionSettings: unknown };
      expect(main.NoteSessionSettings).toEqual({ tenant: 'acme.org_id' });
      expect(Object.isFrozen(main.NoteSessionSettings)).toBe(true);
      expect(app.read('schema.d.graphql.ts')).toContain(`export declare const NoteSessionSettings: { readonly tenant: 'acme.org_id' };`);
    });

    it('reports warnings as warnings and still builds', async () => {
      app.write('schema.graphql', shopSchema.replace('sku: String! @wes_unique', 'sku: String! @unique'));
      const built = await bundlers[bundler](app);
      const warning = built.warnings.find((w) => w.includes('WES009'));
      expect(warning).toContain('WES009');
      expect(warning).toContain('@wes_unique');
    });
  });
});
