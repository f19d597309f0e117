/** The `schema.graphql` of a new database project: one table, so that every target has work to do. */
export function starterSchema(project: string): string {
  return `# The schema of ${project}. Every type marked @wes_table becomes a PostgreSQL table.
#   nx run ${project}:generate   SQL, TypeScript types and Zod validators in generated/
#   nx run ${project}:plan       the migration from the last one to this schema, in .wesley/plan
#   nx run ${project}:migrate    apply migrations/ (DATABASE_URL, else an embedded PostgreSQL)

type Account @wes_table {
  id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  email: String! @wes_unique
  createdAt: DateTime! @wes_default(expr: "now()")
}
`;
}
