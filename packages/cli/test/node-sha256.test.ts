import { portableSha256 } from '@wesley/core';
import { describe, expect, it } from 'vitest';
import { nodeSha256 } from '../src/node-sha256.js';

describe('nodeSha256', () => {
  it("gives core's portable sha256, so an IR hashes the same in the CLI and in a browser", () => {
    for (const text of ['', 'abc', 'ünïcödé and 𝄞', '{"kind":"schema"}'.repeat(10_000)]) {
      expect(nodeSha256(text)).toBe(portableSha256(text));
    }
    expect(nodeSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
