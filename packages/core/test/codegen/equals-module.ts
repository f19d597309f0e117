/**
 * A TypeScript module of type-level assertions, written beside generated code in tsc tests.
 * `Identical` is the compiler's own identity check; it counts `{ a?: T }` and
 * `{ a?: T | undefined }` as identical even under exactOptionalPropertyTypes, so `Equals` also
 * demands assignability both ways, which tells them apart.
 */
export const equalsModule = `export type Identical<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Equals<A, B> = Identical<A, B> extends true ? Mutual<A, B> : false;
export type Expect<T extends true> = T;
`;
