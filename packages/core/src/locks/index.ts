export * from './statement-locks.js';
