export { attachSuppressed, suppressedErrors, type SuppressedError } from './suppressed-errors.js';
export { releaseAll, type Release } from './release-all.js';
