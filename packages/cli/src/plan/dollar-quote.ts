/**
 * `text` as a dollar-quoted SQL string whose tag (`$wesley$`, else `$wesley_1$`, ...) does not
 * occur in it, so no character of `text` needs escaping and `standard_conforming_strings` does
 * not matter.
 */
export function dollarQuote(text: string, base: string): string {
  let tag = `$${base}$`;
  for (let n = 1; text.includes(tag); n++) tag = `$${base}_${n}$`;
  return `${tag}${text}${tag}`;
}
