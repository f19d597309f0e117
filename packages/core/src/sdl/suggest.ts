import { suggestionList } from 'graphql/jsutils/suggestionList.js';

/**
 * `did you mean "a", "b" or "c"?` for the up to three options closest to `input` (GraphQL's
 * own similarity measure), or `undefined` when nothing is close. `format` renders one option.
 */
export function didYouMean(
  input: string,
  options: readonly string[],
  format: (option: string) => string = (option) => `"${option}"`,
): string | undefined {
  return suggestionText(closest(input, options).map(format));
}

/** The up to three `options` closest to `input` (GraphQL's own similarity measure), closest first. */
export function closest(input: string, options: readonly string[]): string[] {
  return suggestionList(input, options).slice(0, 3);
}

/** `did you mean a, b or c?` for options already chosen and formatted, or `undefined` for none. */
export function suggestionText(close: readonly string[]): string | undefined {
  if (close.length === 0) return undefined;
  const list = close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close.at(-1)}`;
  return `did you mean ${list}?`;
}

/** GraphQL's `Unknown type "X".` in Wesley's message style: lower-case start, no full stop. */
export function graphqlMessage(text: string): string {
  const trimmed = text.replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}
