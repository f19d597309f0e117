/**
 * The `schema.graphql` of a new project (`wesley init`, `nx g @wesley/nx:database`): one table, so
 * that every command has work to do. `comment` is the lines of its opening comment: the commands
 * to run next, as the tool that wrote it spells them.
 */
export function starterSchema(comment: readonly string[]): string {
  return `${comment.map((line) => `# ${line}`.trimEnd()).join('\n')}

type Account @wes_table {
  id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  email: String! @wes_unique
  createdAt: DateTime! @wes_default(expr: "now()")
}
`;
}
