import type { Rule } from 'eslint';
import { diagnostics } from './diagnostics.js';
import { foreignKeyIndex } from './foreign-key-index.js';
import { indexedUnboundedText } from './indexed-unbounded-text.js';
import { namingConvention } from './naming-convention.js';
import { sensitiveExposed } from './sensitive-exposed.js';

/** Every rule of the plugin, by its id (`@wesley/<id>` in a config). */
export const rules = {
  diagnostics,
  'foreign-key-index': foreignKeyIndex,
  'indexed-unbounded-text': indexedUnboundedText,
  'naming-convention': namingConvention,
  'sensitive-exposed': sensitiveExposed,
} as const satisfies Record<string, Rule.RuleModule>;
