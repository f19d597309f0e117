/**
 * `@wesley/cli/config`, kept for configs and tools written before the config had a package of
 * its own: everything here is `@wesley/config`'s, which is where to import it from now.
 */
export * from '@wesley/config';
