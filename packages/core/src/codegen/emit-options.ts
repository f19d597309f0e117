/** Options shared by the TypeScript and Zod emitters. */
export interface EmitOptions {
  /**
   * The IR's content hash (`hashIR(ir)`), named in the header so a generated file says which
   * schema it came from. Optional because hashing costs more than emitting (about 0.1 s for
   * 1,000 tables): callers that already hold the hash pass it.
   */
  readonly irHash?: string;
}
