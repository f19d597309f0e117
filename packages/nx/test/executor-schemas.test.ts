/**
 * Each executor's `schema.json` against the options table of the `wesley` command it runs: an
 * executor option is a command flag (camelCased) of a matching type, described alike (the same
 * opening words, unless worded for Nx on purpose), or one of the few options
 * that exist in Nx alone; a command flag is an executor option, or declared below as left out,
 * with the reason. A flag added to the CLI and not to Nx, or the reverse, fails here.
 */
import { readFileSync } from 'node:fs';
import { commands, type CommandOption } from '@wesley/cli';
import { describe, expect, it } from 'vitest';

const packageRoot = new URL('../', import.meta.url);

interface SchemaProperty {
  readonly type: string | readonly string[];
  readonly description: string;
}

const executors = (
  JSON.parse(readFileSync(new URL('executors.json', packageRoot), 'utf8')) as {
    executors: Record<string, { schema: string }>;
  }
).executors;

/** Executor options with no flag of their own. */
const nxOnly: Readonly<Record<string, string>> = {
  configFile: 'becomes --config <file>, which every executor passes',
  requireUrl: 'checked by the executor before the command runs: fail instead of starting the embedded server',
};

/** Command flags that are no executor option, by command, each with the reason. */
const leftOut: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  generate: {
    schema: 'from the config',
    'out-dir': 'from the config',
    dts: 'from the config',
    config: 'configFile',
    help: 'not for a task',
  },
  plan: {
    from: "the config's baseline",
    to: "the config's schema",
    out: 'always .wesley/plan, the cached output',
    name: 'a named migration is the migration generator (nx g @wesley/nx:migration), which runs plan --name; the target is the preview',
    schema: 'reads a database --from, which the executor never plans from',
    config: 'configFile',
    help: 'not for a task',
  },
  lint: {
    'database-url': "the cached target lints files alone: a database would make its result the database's",
    'url-env': 'the cached target lints files alone',
    database: 'the cached target lints files alone',
    config: 'configFile',
    help: 'not for a task',
  },
  migrate: {
    dir: "the config's migrations",
    'database-url': 'a URL never goes into project configuration: urlEnv names its variable',
    'project-root': "the embedded server's data stays in the config's directory",
    config: 'configFile',
    help: 'not for a task',
  },
  status: {
    dir: "the config's migrations",
    'database-url': 'a URL never goes into project configuration: urlEnv names its variable',
    'project-root': "the embedded server's data stays in the config's directory",
    config: 'configFile',
    help: 'not for a task',
  },
  usage: {
    schema: "the config's schema",
    'database-url': 'a URL never goes into project configuration: urlEnv names its variable',
    'project-root': "the embedded server's data stays in the config's directory",
    config: 'configFile',
    help: 'not for a task',
  },
  drift: {
    schema: "the config's schema",
    'database-url': 'a URL never goes into project configuration: urlEnv names its variable',
    'project-root': "the embedded server's data stays in the config's directory",
    config: 'configFile',
    help: 'not for a task',
  },
};

/**
 * Options whose executor description is worded for Nx rather than after the flag: what a target
 * does without `database`, where `urlEnv` fits Nx configurations, the planner's default target,
 * a task that fails where the command exits 1 (`check`).
 */
const nxWorded = new Set(['database', 'urlEnv', 'serverVersion', 'check']);

/** The first three words of a description, lower case: the same flag is described alike in both. */
const opening = (text: string) => text.toLowerCase().split(/\s+/).slice(0, 3).join(' ');

/** `lock-timeout` -> `lockTimeout`. */
const camelCase = (flag: string) => flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The schema types an option of `type` may have: a string flag also takes a number, which the executor writes out. */
function schemaTypes(option: CommandOption): readonly string[][] {
  return option.type === 'boolean' ? [['boolean']] : [['string'], ['string', 'number'], ['integer']];
}

describe('each executor schema matches the options of its wesley command', () => {
  it('every executor runs a wesley command', () => {
    expect(Object.keys(executors).filter((name) => !commands.some((command) => command.name === name))).toEqual([]);
  });

  it.each(Object.entries(executors))('%s', (name, executor) => {
    const command = commands.find((candidate) => candidate.name === name)!;
    const schema = JSON.parse(readFileSync(new URL(executor.schema, packageRoot), 'utf8')) as {
      properties: Record<string, SchemaProperty>;
    };
    const flags = Object.fromEntries(Object.entries(command.options).map(([flag, option]) => [camelCase(flag), { flag, option }]));
    for (const [property, declared] of Object.entries(schema.properties)) {
      expect(declared.description, `${name}.${property}: its description`).not.toBe('');
      if (property in nxOnly) continue;
      const match = flags[property];
      expect(match, `${name}.${property} is no flag of wesley ${name} (nor an Nx-only option)`).toBeDefined();
      const types = typeof declared.type === 'string' ? [declared.type] : [...declared.type];
      expect(schemaTypes(match!.option), `${name}.${property}: type of --${match!.flag}`).toContainEqual(types);
      if (!nxWorded.has(property))
        expect(opening(declared.description), `${name}.${property}: described as --${match!.flag} is`).toBe(
          opening(match!.option.description),
        );
    }
    const missing = Object.keys(command.options).filter(
      (flag) => !(camelCase(flag) in schema.properties) && leftOut[name]?.[flag] === undefined,
    );
    expect(missing, `flags of wesley ${name} that the executor neither has nor leaves out on purpose`).toEqual([]);
    const stale = Object.keys(leftOut[name] ?? {}).filter((flag) => !(flag in command.options));
    expect(stale, `left out of the ${name} executor, but no flag of the command`).toEqual([]);
  });
});
