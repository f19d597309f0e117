import path from 'node:path';
import { compileSchema, hasErrors, loadSqlParser } from '@wesley/core';
import type { CliContext } from '../../cli-context.js';
import { displayPath } from '@wesley/config/files';
import { exitCodes } from '../../exit-codes.js';
import {
  compareArtifacts,
  renderArtifacts,
  sidecarArtifact,
  writeArtifacts,
  type Artifact,
  type ArtifactStatus,
} from '../../generate/index.js';
import { writeDiagnostics } from '../../output/index.js';
import { loadSchemaSources } from '../../schema/index.js';
import { UsageError } from '../../usage-error.js';
import { commandConfig, compileOptions } from '../command-config.js';
import type { CommandRun } from '../define-command.js';
import { requiredSchemaFlags } from '../required-schema-flags.js';
import type { generateOptions } from './generate-options.js';

const name = 'generate';

/** Runs `wesley generate` with its parsed flags. */
export const runGenerate: CommandRun<typeof generateOptions> = async (values, context) => {
  const config = await commandConfig(values.config, context.cwd);
  const { patterns, outDir: outDirFlag, dts } = requiredSchemaFlags(values, config, context.cwd, name);

  const sources = await loadSchemaSources(patterns, context.cwd, name);
  if (dts && sources.length !== 1) throw new UsageError(`--dts needs exactly one schema file, got ${sources.length}`, name);
  await loadSqlParser();
  const { ir, diagnostics } = compileSchema(sources, compileOptions(config));
  writeDiagnostics(context.stderr, diagnostics, sources);
  if (ir === null || hasErrors(diagnostics, values.strict === true)) {
    context.stderr.write(
      `wesley generate: nothing written because of ${values.strict === true ? 'errors or warnings (--strict)' : 'errors'}\n`,
    );
    return exitCodes.failure;
  }

  const outDir = path.resolve(context.cwd, outDirFlag);
  const artifacts = renderArtifacts(ir);
  // The sidecar lives beside the schema, not in the output directory.
  const sidecar = dts ? sidecarArtifact(sources, ir, context.cwd) : null;
  const outputs: [string, Artifact[]][] = [[outDir, artifacts]];
  if (sidecar !== null) outputs.push([sidecar.dir, [sidecar.artifact]]);
  const apply = values.check === true ? compareArtifacts : writeArtifacts;
  const statuses = (await Promise.all(outputs.map(([dir, list]) => apply(dir, list)))).flat();
  return values.check === true ? reportCheck(statuses, context) : reportWrite(statuses, outDir, context);
};

function reportCheck(statuses: readonly ArtifactStatus[], context: CliContext): number {
  const outdated = statuses.filter((status) => status.state !== 'fresh');
  if (outdated.length === 0) {
    context.stdout.write(`wesley generate --check: ${statuses.length} files up to date\n`);
    return exitCodes.ok;
  }
  const lines = outdated.map((status) => `  ${status.state.padEnd(8)} ${displayPath(context.cwd, status.path)}`);
  context.stderr.write(
    `wesley generate --check: ${outdated.length} of ${statuses.length} files out of date\n${lines.join('\n')}\n` +
      `Run the same command without --check to update them.\n`,
  );
  return exitCodes.failure;
}

function reportWrite(statuses: readonly ArtifactStatus[], outDir: string, context: CliContext): number {
  const written = statuses.filter((status) => status.state !== 'fresh');
  const lines = written.map((status) => `  wrote ${displayPath(context.cwd, status.path)}\n`);
  context.stdout.write(
    `${lines.join('')}wesley generate: ${written.length} written, ${statuses.length - written.length} unchanged in ${displayPath(context.cwd, outDir)}\n`,
  );
  return exitCodes.ok;
}
