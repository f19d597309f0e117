/**
 * `tsc` sees the schema module through the sidecar the plugin writes: the real `tsc --noEmit`
 * (strict, `allowArbitraryExtensions`, `moduleResolution: bundler`) on the fixture app, with an
 * `Equals` assertion per schema generated from the IR and code that uses the schemas'
 * methods; and a wrong field access that makes it fail with the expected error.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { compileSchema, type SchemaIR } from '@wesley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlers } from './support/bundlers.js';
import { fixtureApp, shopSchema, type FixtureApp } from './support/fixture-app.js';

const tscBin = createRequire(import.meta.url).resolve('typescript/bin/tsc');

interface TscRun {
  readonly code: number | null;
  readonly output: string;
}

function tsc(project: string): Promise<TscRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [tscBin, '--noEmit', '--pretty', 'false', '-p', '.'], { cwd: project }, (error, stdout, stderr) => {
      // @types/node spells an execFile error as an Omit<> of Error, which the rule cannot tell is one.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      if (error !== null && typeof error.code !== 'number') reject(error);
      else resolve({ code: error === null ? 0 : (error.code as number), output: `${stdout}${stderr}` });
    });
  });
}

/** One `Equals` per schema of `ir`: `z.infer` (and `z.input`) of each schema is its type exactly. */
function equalityChecks(ir: SchemaIR): string {
  const checks: string[] = [];
  for (const { graphqlName: name } of ir.enums) {
    checks.push(
      `Expect<Equals<z.infer<typeof S.${name}Schema>, S.${name}>>`,
      `Expect<Equals<(typeof S.${name})[keyof typeof S.${name}], S.${name}>>`,
    );
  }
  for (const table of ir.tables) {
    const name = table.graphqlName;
    const pairs = [
      [`${name}Schema`, name],
      [`${name}InsertSchema`, `${name}Insert`],
    ];
    if (table.columns.some((c) => c.meta.sensitive)) pairs.push([`${name}PublicSchema`, `${name}Public`]);
    for (const [schema, type] of pairs) {
      checks.push(`Expect<Equals<z.infer<typeof S.${schema}>, S.${type}>>`, `Expect<Equals<z.input<typeof S.${schema}>, S.${type}>>`);
    }
  }
  return `import type { z } from 'zod';
import type * as S from './schema.graphql';

type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Identity, plus assignability both ways: tells \`a?: T\` from \`a?: T | undefined\`. */
type Equals<A, B> = Identical<A, B> extends true ? Mutual<A, B> : false;
type Expect<T extends true> = T;

export type Checks = [
${checks.map((c) => `  ${c},`).join('\n')}
];
`;
}

/** Code that uses what Zod offers on the schemas, as an app would. */
const usage = `import { z } from 'zod';
import { CustomerSchema, OrderInsertSchema, OrderSchema, OrderStatus, OrderStatusSchema, type Order, type OrderInsert } from './schema.graphql';

export function use(input: unknown): string {
  const order: Order = OrderSchema.parse(input);
  const status: Order['status'] = OrderSchema.shape.status.parse(OrderStatus.SHIPPED);
  const labels: readonly Order['status'][] = OrderStatusSchema.options;
  const emailLimit: number | null = CustomerSchema.shape.email.maxLength;
  const summary = OrderSchema.pick({ id: true, status: true }).parse(input);
  const priced = OrderSchema.extend({ total: z.number() }).parse(input);
  const total: number = priced.total;
  const insert = OrderInsertSchema.safeParse(input);
  const fresh: OrderInsert | undefined = insert.success ? insert.data : undefined;
  return [order.note ?? '', status, labels.join(), String(emailLimit), summary.id, String(total), fresh?.customerId ?? ''].join();
}
`;

describe('tsc --noEmit through the sidecar', () => {
  let app: FixtureApp;
  let ir: SchemaIR;

  beforeAll(async () => {
    app = fixtureApp();
    await bundlers.esbuild(app);
    const compiled = compileSchema({ name: 'schema.graphql', body: shopSchema }).ir;
    if (compiled === null) throw new Error('the shop schema does not compile');
    ir = compiled;
  });

  afterAll(() => app.dispose());

  it('type-checks the app, the generated Equals assertions and the uses of the schemas', async () => {
    app.write('check.ts', equalityChecks(ir));
    app.write('usage.ts', usage);
    const run = await tsc(app.root);
    expect(run).toEqual({ code: 0, output: '' });
    expect(equalityChecks(ir).match(/Expect<Equals</g)?.length).toBe(2 * ir.enums.length + 4 * ir.tables.length);
  }, 60_000);

  it('fails on a wrong field access', async () => {
    app.write(
      'wrong.ts',
      "import { OrderSchema } from './schema.graphql';\n\nconst order = OrderSchema.parse({});\nexport const total = order.totl;\n",
    );
    const run = await tsc(app.root);
    expect(run.code).toBe(2);
    const errors = run.output
      .trim()
      .split('\n')
      .filter((line) => line.includes('error TS'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^wrong\.ts\(4,28\): error TS2339: Property 'totl' does not exist on type '\{ id: string; customerId: string; status: /,
    );
  }, 60_000);
});
