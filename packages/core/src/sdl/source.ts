/** One SDL document handed to the compiler. `name` appears in diagnostics (usually a path). */
export interface SchemaSource {
  readonly name: string;
  readonly body: string;
}

export interface CompileOptions {
  /**
   * Custom scalars and their PostgreSQL types, e.g. `{ Email: 'citext', Money: 'numeric(12,2)' }`.
   * They extend (and may override) `builtinScalars` (docs/directives.md#types-and-naming).
   */
  readonly scalars?: Readonly<Record<string, string>>;
  /**
   * The session settings row-level security policies compare with (config `rls`, docs/rls.md):
   * `tenantSetting` (default `app.tenant_id`) for `@wes_tenant`, `userSetting` (default
   * `app.user_id`) for `@wes_owner`.
   */
  readonly rls?: { readonly tenantSetting?: string | undefined; readonly userSetting?: string | undefined };
}
