import { createHash } from 'node:crypto';
import type { Sha256 } from '@wesley/core';

/**
 * `node:crypto`'s sha256, for core's `hashIR`: native, where core's portable one is JavaScript
 * (about a third of hashing a 1,000-table IR); the same hex.
 */
export const nodeSha256: Sha256 = (text) => createHash('sha256').update(text).digest('hex');
