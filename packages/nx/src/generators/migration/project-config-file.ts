import { joinPathFragments, visitNotIgnoredFiles, type Tree } from '@nx/devkit';
import { configFileNames } from '@wesley/config';
import { projectName } from '../../plugins/project-name.js';

/** A Wesley project of the workspace: its name and its config file, workspace-relative. */
interface WesleyProject {
  readonly name: string;
  readonly configFile: string;
}

/**
 * The config file of Wesley project `project` (its name, as `nx show projects` lists it), or of
 * the workspace's only Wesley project when `project` is not given. Projects are found as the
 * plugin finds them, by their `wesley.config.*`, and named as it names them: the `project.json`
 * name, else the `package.json` name, else the directory's name.
 *
 * @throws Error naming the Wesley projects there are, when none matches or several could.
 */
export function projectConfigFile(tree: Tree, project: string | undefined): string {
  const projects = wesleyProjects(tree);
  const names = projects.map((found) => found.name).join(', ');
  if (projects.length === 0)
    throw new Error('this workspace has no Wesley project (no wesley.config.*): create one with nx g @wesley/nx:database');
  if (project === undefined) {
    if (projects.length === 1 && projects[0] !== undefined) return projects[0].configFile;
    throw new Error(`this workspace has several Wesley projects (${names}): pick one with --project <name>`);
  }
  const found = projects.find((candidate) => candidate.name === project);
  if (found === undefined) throw new Error(`'${project}' is not a Wesley project of this workspace (they are ${names})`);
  return found.configFile;
}

function wesleyProjects(tree: Tree): WesleyProject[] {
  const byRoot = new Map<string, string[]>();
  visitNotIgnoredFiles(tree, '', (file) => {
    const slash = file.lastIndexOf('/');
    const base = file.slice(slash + 1);
    if (!(configFileNames as readonly string[]).includes(base)) return;
    const root = slash === -1 ? '.' : file.slice(0, slash);
    byRoot.set(root, [...(byRoot.get(root) ?? []), base]);
  });
  return [...byRoot].map(([root, bases]) => {
    // Of several in one directory, the one `wesley` would load: the first in the order it looks for them.
    const base = configFileNames.find((name) => bases.includes(name)) ?? configFileNames[0];
    return { name: nameOf(tree, root), configFile: joinPathFragments(root, base) };
  });
}

function nameOf(tree: Tree, root: string): string {
  const projectJson = joinPathFragments(root, 'project.json');
  if (tree.exists(projectJson)) {
    const name = (JSON.parse(tree.read(projectJson, 'utf-8') ?? '{}') as { name?: unknown }).name;
    if (typeof name === 'string' && name !== '') return name;
  }
  const packageJson = joinPathFragments(root, 'package.json');
  let packageName: string | null = null;
  if (tree.exists(packageJson)) {
    try {
      const name = (JSON.parse(tree.read(packageJson, 'utf-8') ?? '{}') as { name?: unknown }).name;
      packageName = typeof name === 'string' ? name : '';
    } catch {
      packageName = '';
    }
  }
  return projectName(root, { projectJson: false, packageName }) ?? root;
}
