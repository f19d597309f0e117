import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../src/files/display-path.js';

describe('displayPath', () => {
  const root = path.resolve('/work/project');

  it('shows a path inside the current directory relative to it', () => {
    expect(displayPath(root, path.join(root, 'migrations'))).toBe('migrations');
    expect(displayPath(root, path.join(root, 'db', 'migrations', '0001_init'))).toBe('db/migrations/0001_init');
  });

  it('shows the current directory itself, and a path outside it, in full: never `.` nor a chain of `../`', () => {
    expect(displayPath(path.join(root, 'migrations'), path.join(root, 'migrations'))).toBe(
      path.join(root, 'migrations').split(path.sep).join('/'),
    );
    expect(displayPath(path.join(root, 'src'), path.join(root, 'migrations'))).toBe(
      path.join(root, 'migrations').split(path.sep).join('/'),
    );
    expect(displayPath(path.join(root, 'src'), root)).toBe(root.split(path.sep).join('/'));
  });

  it('keeps a name that only starts with two dots inside the directory', () => {
    expect(displayPath(root, path.join(root, '..migrations'))).toBe('..migrations');
  });
});
