import { readFileSync } from 'node:fs';
import type { SchemaIR } from '@wesley/core';
import { sdlIR } from '../support/sdl-ir.js';

const read = (url: URL): SchemaIR => sdlIR(readFileSync(url, 'utf8'));

/**
 * Three releases of the shop example, for planner tests: v1 is examples/shop/schema.graphql,
 * v2 expands it (fixtures/shop-v2.graphql), v3 contracts it (fixtures/shop-v3.graphql).
 */
export const shopVersions = {
  v1: read(new URL('../../../../examples/shop/schema.graphql', import.meta.url)),
  v2: read(new URL('./fixtures/shop-v2.graphql', import.meta.url)),
  v3: read(new URL('./fixtures/shop-v3.graphql', import.meta.url)),
} as const;
