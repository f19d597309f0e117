import type { ExecutorContext, TargetConfiguration } from '@nx/devkit';
import { vi } from 'vitest';

/** The context Nx gives an executor of project `project` at `projectRoot` (workspace-relative). */
export function executorContext(
  workspaceRoot: string,
  projectRoot: string,
  targets: Record<string, TargetConfiguration> = {},
  configurationName?: string,
): ExecutorContext {
  return {
    root: workspaceRoot,
    cwd: workspaceRoot,
    isVerbose: false,
    projectName: 'db',
    ...(configurationName === undefined ? {} : { configurationName }),
    projectsConfigurations: { version: 2, projects: { db: { root: projectRoot, targets } } },
    nxJsonConfiguration: {},
    projectGraph: { nodes: {}, dependencies: {} },
  };
}

/** Collects what is written to standard output and error while `body` runs. */
export async function captureOutput<T>(body: () => Promise<T>): Promise<{ result: T; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { result: await body(), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
