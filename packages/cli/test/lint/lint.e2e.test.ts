import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { lintRules } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../run-built-cli.js';
import { loadedModules } from '../support/loaded-modules.js';

const hazard = 'CREATE INDEX account_email ON account (email);\n';
const approved = '-- wesley:allow-blocking account has 40 rows\nCREATE INDEX account_email ON account (email);\n';

describe('wesley lint', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-lint-'));
    await mkdir(path.join(dir, 'migrations', '0002_planned'), { recursive: true });
    await mkdir(path.join(dir, 'migrations', '0003_by_hand'), { recursive: true });
    await writeFile(
      path.join(dir, 'migrations', '0001_init.sql'),
      'CREATE TABLE item (id int PRIMARY KEY, note text);\nCREATE INDEX item_note ON item (note);\n',
    );
    await writeFile(path.join(dir, 'migrations', '0002_planned', 'plan.json'), '{}');
    await writeFile(path.join(dir, 'migrations', '0002_planned', 'up.sql'), hazard);
    await writeFile(path.join(dir, 'migrations', '0003_by_hand', 'up.sql'), approved);
    await writeFile(path.join(dir, 'migrations', '0004_index.sql'), `SELECT 1;\n${hazard}`);
    await writeFile(path.join(dir, 'hazard.sql'), hazard);
    await writeFile(path.join(dir, 'approved.sql'), approved);
    await writeFile(path.join(dir, 'not-null.sql'), 'ALTER TABLE account ALTER COLUMN email SET NOT NULL;\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints an unapproved hazard as the compiler prints a diagnostic, with its locks and rewrite, and exits 1', async () => {
    const run = await runBuiltCli(dir, 'lint', 'hazard.sql');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^hazard\.sql:1:1 {2}WES302 {2}error {2}CREATE INDEX on public\.account /);
    expect(run.stdout).toContain('\n  1 | CREATE INDEX account_email ON account (email);\n    | ^\n');
    expect(run.stdout).toContain('\n  locks: ShareLock on public.account (writes wait until it ends)\n');
    expect(run.stdout).toContain('\n  fix: CREATE INDEX CONCURRENTLY account_email ON account (email);\n');
    expect(run.stdout).toMatch(/\nwesley lint: 1 file, 1 statement for PostgreSQL 18: 1 error\n$/);
    expect(run.stderr).toBe('');
  });

  it('prints an approved hazard as a warning with its reason, and exits 0', async () => {
    const run = await runBuiltCli(dir, 'lint', 'approved.sql');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^approved\.sql:2:1 {2}WES302 {2}warning {2}/);
    expect(run.stdout).toContain('\n  approved: line 1: account has 40 rows\n');
    expect(run.stdout).toMatch(/: 1 warning\n$/);
  });

  it('lints a directory as migrate runs it: its SQL files and up.sql without a plan.json, in name order', async () => {
    const run = await runBuiltCli(dir, 'lint', 'migrations', '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as {
      files: { file: string; statements: number; findings: { line: number; severity: string }[] }[];
    };
    expect(json.files.map((file) => [file.file, file.statements, file.findings.map((f) => `${f.line} ${f.severity}`)])).toEqual([
      ['migrations/0001_init.sql', 2, []],
      ['migrations/0003_by_hand/up.sql', 1, ['2 warning']],
      ['migrations/0004_index.sql', 2, ['2 error']],
    ]);
  });

  it('prints one JSON document with stable keys', async () => {
    const run = await runBuiltCli(dir, 'lint', 'hazard.sql', 'approved.sql', '--format', 'json', '--server-version', '15');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Record<string, unknown> & { files: { findings: Record<string, unknown>[] }[] };
    expect(Object.keys(json)).toEqual(['serverVersion', 'catalog', 'files', 'statements', 'errors', 'warnings']);
    expect(json).toMatchObject({ serverVersion: 150000, catalog: false, statements: 2, errors: 1, warnings: 1 });
    const [finding] = json.files[1]?.findings ?? [];
    expect(Object.keys(finding ?? {})).toEqual([
      'code',
      'rule',
      'severity',
      'message',
      'help',
      'file',
      'line',
      'column',
      'locks',
      'blocks',
      'fix',
      'approval',
    ]);
    expect(finding).toMatchObject({
      code: 'WES302',
      rule: 'require-concurrent-index',
      severity: 'warning',
      file: 'approved.sql',
      line: 2,
      column: 1,
      blocks: 'writes',
      locks: [{ relation: 'public.account', mode: 'ShareLock' }],
      approval: { reason: 'account has 40 rows', line: 1 },
    });
  });

  it('prints SARIF 2.1.0: every rule with its help and docs anchor, each finding at its region, an approved one suppressed in the source', async () => {
    const run = await runBuiltCli(dir, 'lint', 'hazard.sql', 'approved.sql', '--format', 'sarif');
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string } }[] } };
        results: Record<string, unknown>[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [only] = sarif.runs;
    expect(only?.tool.driver.rules.map((rule) => rule.id)).toEqual(lintRules.map((rule) => rule.id));
    for (const rule of only?.tool.driver.rules ?? []) expect(rule.helpUri).toMatch(new RegExp(`/docs/rules\\.md#${rule.id}$`));
    const index = lintRules.findIndex((rule) => rule.id === 'require-concurrent-index');
    expect(only?.results).toEqual([
      expect.objectContaining({
        ruleId: 'require-concurrent-index',
        ruleIndex: index,
        level: 'error',
        locations: [{ physicalLocation: { artifactLocation: { uri: 'hazard.sql' }, region: { startLine: 1, startColumn: 1 } } }],
      }),
      expect.objectContaining({
        level: 'warning',
        locations: [{ physicalLocation: { artifactLocation: { uri: 'approved.sql' }, region: { startLine: 2, startColumn: 1 } } }],
        suppressions: [{ kind: 'inSource', justification: 'account has 40 rows' }],
      }),
    ]);
  });

  it('judges for the server version: the rewrite of SET NOT NULL is the one that version has', async () => {
    const on = async (version: string) => {
      const run = await runBuiltCli(dir, 'lint', 'not-null.sql', '--json', '--server-version', version);
      expect(run.code).toBe(1);
      return (JSON.parse(run.stdout) as { files: { findings: { rule: string; fix: string }[] }[] }).files[0]?.findings[0];
    };
    const [v15, v18] = [await on('15'), await on('18')];
    expect(v15?.rule).toBe('set-not-null-scan');
    expect(v15?.fix).toContain('CHECK (');
    expect(v18?.fix).toContain('NOT NULL email NOT VALID');
  });

  it("loads core's small entry and PostgreSQL's parser, not the compiler (graphql) or zod", async () => {
    const { code, modules } = await loadedModules(dir, ['lint', 'hazard.sql', '--format', 'sarif']);
    expect(code).toBe(1);
    expect(modules.some((url) => url.includes('/node_modules/libpg-query/'))).toBe(true);
    expect(
      modules.filter((url) => /\/node_modules\/(?:graphql|zod|esbuild)\/|\/packages\/core\/dist\/(?:sdl|ddl|codegen)\//.test(url)),
    ).toEqual([]);
  });

  it.each([
    [['lint'], 'missing <file|dir>'],
    [['lint', 'nowhere.sql'], 'not found: nowhere.sql'],
    [['lint', 'hazard.sql', '--format', 'xml'], "--format takes text, json, sarif, not 'xml'"],
    [['lint', 'hazard.sql', '--json', '--format', 'sarif'], '--json prints JSON and --format sarif does not'],
    [['lint', 'hazard.sql', '--server-version', 'eighteen'], '--server-version takes a PostgreSQL version'],
    [['lint', 'hazard.sql', '--url-env', 'WESLEY_LINT_NO_SUCH_VARIABLE'], 'WESLEY_LINT_NO_SUCH_VARIABLE holds no database URL'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const run = await runBuiltCli(dir, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});

describeEachServer('wesley lint --database-url', (server) => {
  const db = useTestDatabase(server);
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-lint-db-'));
    await writeFile(path.join(dir, 'both.sql'), 'CREATE INDEX ON full_one (id);\nCREATE INDEX ON empty_one (id);\n');
    const session = await db.connect();
    try {
      await session.query('CREATE TABLE full_one (id int); CREATE TABLE empty_one (id int)');
      await session.query('INSERT INTO full_one SELECT generate_series(1, 100); ANALYZE full_one, empty_one');
    } finally {
      await session.close();
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('migrate --dry-run refuses an unapproved hazard as the run does, and prints an approved one above its SQL', async () => {
    await mkdir(path.join(dir, 'unapproved'), { recursive: true });
    await writeFile(path.join(dir, 'unapproved', '0001_index.sql'), 'SELECT 1;\nCREATE INDEX ON full_one (id);\n');
    const refused = await runBuiltCli(dir, 'migrate', '--dir', 'unapproved', '--database-url', db.url, '--dry-run');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('SQL migration 0001_index.sql would block reads or writes, without an approval:');
    expect(refused.stderr).toContain('0001_index.sql:2:1  WES302  require-concurrent-index: CREATE INDEX on public.full_one');
    expect(refused.stderr).toContain("help: approve each statement with '-- wesley:allow-blocking <reason>'");

    await mkdir(path.join(dir, 'approved'), { recursive: true });
    await writeFile(path.join(dir, 'approved', '0001_index.sql'), '-- wesley:allow-blocking 100 rows\nCREATE INDEX ON full_one (id);\n');
    const run = await runBuiltCli(dir, 'migrate', '--dir', 'approved', '--database-url', db.url, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /-- 0001_index\.sql:2:1 {2}WES302 {2}warning {2}require-concurrent-index: CREATE INDEX on public\.full_one [^\n]*\n-- {3}approved on line 1: 100 rows\n/,
    );
    expect(run.stdout).toContain('CREATE INDEX ON full_one (id);');
  });

  it("reads the server's version and its tables: an index on an empty table blocks no one", async () => {
    const run = await runBuiltCli(dir, 'lint', 'both.sql', '--database-url', db.url, '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { serverVersion: number; catalog: boolean; files: { findings: { line: number }[] }[] };
    expect(json.catalog).toBe(true);
    expect(Math.floor(json.serverVersion / 10000)).toBe(server.major);
    expect(json.files[0]?.findings.map((finding) => finding.line)).toEqual([1]);
    expect(run.stdout).not.toContain(new URL(db.url).password || '\u0000');
  });
});
