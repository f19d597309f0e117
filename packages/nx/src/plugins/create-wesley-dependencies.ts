import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DependencyType, type CreateDependenciesContext, type StaticDependency } from '@nx/devkit';
import { importSpecifiers } from './import-specifiers.js';
import { schemaOwners } from './schema-owners.js';

/** Source files that can import a schema or a generated module. */
const sourceFile = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/;

/**
 * Edges from every project with a source file that imports a Wesley project's schema
 * (`import { UserSchema } from '../../libs/db/schema.graphql'`) or one of its generated modules
 * (`../../libs/db/generated/zod`) to that project, so that `nx affected` after a schema edit
 * lists the apps using it. Static edges, each with the importing file; only the files Nx says
 * changed are read (it keeps the edges of the others). Relative specifiers only: a package
 * import of the db project is an edge Nx's own JavaScript analysis already draws.
 */
export async function createWesleyDependencies(context: CreateDependenciesContext): Promise<StaticDependency[]> {
  const owners = schemaOwners(context.projects);
  if (owners.length === 0) return [];
  const dependencies: StaticDependency[] = [];
  const scans = Object.entries(context.filesToProcess.projectFileMap).flatMap(([project, files]) =>
    files
      .filter((data) => sourceFile.test(data.file))
      .map(async (data) => {
        const source = await readFile(path.join(context.workspaceRoot, data.file), 'utf8').catch(() => '');
        const targets = new Set<string>();
        for (const specifier of importSpecifiers(source)) {
          if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
          // A query (`?raw`) or fragment is not part of the file.
          const imported = path.posix.normalize(path.posix.join(path.posix.dirname(data.file), specifier.replace(/[?#].*$/, '')));
          for (const owner of owners) if (owner.project !== project && owner.owns(imported)) targets.add(owner.project);
        }
        for (const target of targets) dependencies.push({ source: project, target, sourceFile: data.file, type: DependencyType.static });
      }),
  );
  await Promise.all(scans);
  return dependencies.sort((a, b) => (a.sourceFile ?? '').localeCompare(b.sourceFile ?? '') || a.target.localeCompare(b.target));
}
