import { styleText } from 'node:util';

/** A text format from `util.inspect.colors` (`red`, `bold`, `dim`, ...), or several. */
export type StyleFormat = Parameters<typeof styleText>[0];

/** Applies ANSI styles, or nothing: callers never check whether colors are on. */
export type Style = (format: StyleFormat, text: string) => string;

/** Wraps text in ANSI escapes. The caller has already decided colors are wanted. */
export const ansiStyle: Style = (format, text) =>
  // validateStream: false because the decision (TTY, NO_COLOR) is made per stream by the caller,
  // while Node would check process.stdout even when writing to stderr.
  styleText(format, text, { validateStream: false });

/** Leaves text as it is. */
export const plainStyle: Style = (_format, text) => text;

/** The style for a stream whose color support is `color`. */
export function styleFor(color: boolean): Style {
  return color ? ansiStyle : plainStyle;
}
