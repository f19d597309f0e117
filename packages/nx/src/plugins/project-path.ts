/** `{projectRoot}/<relative>`, the way Nx `inputs` and `outputs` name a file of the project. */
export function projectPath(relative: string): string {
  return relative === '.' ? '{projectRoot}' : `{projectRoot}/${relative}`;
}
