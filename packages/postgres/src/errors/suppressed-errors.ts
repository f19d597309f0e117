/** An error met while cleaning up after another one, and what was being done when it happened. */
export interface SuppressedError {
  /** What was being cleaned up: `releasing the migration lock`. */
  readonly during: string;
  readonly error: unknown;
}

// Keyed by the first error itself, so that its class (and every `instanceof` check on it) is kept;
// a WeakMap rather than a property, so the error object is not changed.
const suppressed = new WeakMap<object, SuppressedError[]>();

/**
 * Records that `later` happened while cleaning up after `first`: `first` stays the error that is
 * thrown and reported, `later` is a note beside it. A `first` that is not an object (a thrown
 * string) cannot carry notes, so `later` is dropped then.
 */
export function attachSuppressed(first: unknown, later: SuppressedError): void {
  if (typeof first !== 'object' || first === null) return;
  suppressed.set(first, [...(suppressed.get(first) ?? []), later]);
}

/** The errors met while cleaning up after `error`, in the order they happened; empty for none. */
export function suppressedErrors(error: unknown): readonly SuppressedError[] {
  return typeof error === 'object' && error !== null ? (suppressed.get(error) ?? []) : [];
}
