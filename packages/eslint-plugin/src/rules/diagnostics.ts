import type { AST, Rule, SourceCode } from 'eslint';
import { resolveSpelling, similarDirectives, type Diagnostic } from '@wesley/core';
import { schemaCompilation } from '../compile/schema-compilation.js';
import { ruleDocsUrl } from './rule-docs-url.js';

/**
 * `@wesley/diagnostics`: every diagnostic of Wesley's compiler (errors and warnings) located in
 * the linted file, with its code, message, help and position, and one message per `related`
 * place in the file. The compiler decides everything; this rule only places its findings. A
 * misspelt directive with one close canonical name, and a deprecated spelling, are fixed; a
 * misspelling with several close names gets one suggestion each.
 */
export const diagnostics: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: "Reports every diagnostic of Wesley's compiler where it is", recommended: true, url: ruleDocsUrl('diagnostics') },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
  },
  create(context) {
    return {
      Document() {
        const { result, file, configError } = schemaCompilation(context);
        if (configError !== null) {
          context.report({ loc: tokenLoc(context.sourceCode, 1, 1), message: `${configError.message}; help: ${configError.help}` });
        }
        for (const diagnostic of result?.diagnostics ?? []) {
          // A config scalar the compiler could not map has no place in any file: it is each file's.
          if (diagnostic.file === file || diagnostic.file === '<config>') report(context, diagnostic);
          for (const related of diagnostic.related ?? []) {
            if (related.file !== file) continue;
            context.report({
              loc: tokenLoc(context.sourceCode, related.line, related.column),
              message: `${diagnostic.code}: ${related.message} (${diagnostic.message})`,
            });
          }
        }
      },
    };
  },
};

function report(context: Rule.RuleContext, diagnostic: Diagnostic): void {
  const { sourceCode } = context;
  const at = diagnostic.file === '<config>' ? { line: 1, column: 1 } : diagnostic;
  const loc = tokenLoc(sourceCode, at.line, at.column);
  const where = diagnostic.file === '<config>' ? 'settings.wesley: ' : '';
  const severity = diagnostic.severity === 'warning' ? ' (warning)' : '';
  const message = `${diagnostic.code}${severity}: ${where}${diagnostic.message}; help: ${diagnostic.help}`;
  const replacements =
    diagnostic.file === '<config>' ? [] : directiveReplacements(diagnostic, sourceCode.getText().slice(...rangeOf(sourceCode, loc)));
  const nameRange = (): AST.Range => {
    const [start, end] = rangeOf(sourceCode, loc);
    return [start + 1, end];
  };
  if (replacements.length === 1) {
    context.report({ loc, message, fix: (fixer) => fixer.replaceTextRange(nameRange(), replacements[0]!) });
  } else if (replacements.length > 1) {
    context.report({
      loc,
      message,
      suggest: replacements.map((name) => ({
        desc: `write @${name}`,
        fix: (fixer: Rule.RuleFixer) => fixer.replaceTextRange(nameRange(), name),
      })),
    });
  } else {
    context.report({ loc, message });
  }
}

/**
 * The names a directive at fault could be written as: the close canonical names of an unknown
 * one (WES003, from the compiler's own suggester), the canonical name of a deprecated spelling
 * (WES009); none for any other diagnostic.
 */
function directiveReplacements(diagnostic: Diagnostic, token: string): string[] {
  if (!token.startsWith('@')) return [];
  const written = token.slice(1);
  if (diagnostic.code === 'WES003') return similarDirectives(written);
  if (diagnostic.code === 'WES009') {
    const spelling = resolveSpelling(written);
    return spelling === null ? [] : [spelling.canonical];
  }
  return [];
}

/** A name (`@wes_table`, `Order`) or a string at a place, as one token; else the one character. */
const token = /@?[_A-Za-z][_0-9A-Za-z]*|"(?:[^"\\\n\r]|\\.)*"/y;

/**
 * ESLint's location for the compiler's 1-based `line` and `column`: the token that starts there,
 * so an editor underlines the directive or name at fault, not one character.
 */
function tokenLoc(sourceCode: SourceCode, line: number, column: number): AST.SourceLocation {
  const lines = sourceCode.lines;
  const safeLine = Math.min(Math.max(line, 1), lines.length);
  const safeColumn = Math.min(Math.max(column - 1, 0), lines[safeLine - 1]!.length);
  const start = { line: safeLine, column: safeColumn };
  const index = sourceCode.getIndexFromLoc(start);
  token.lastIndex = index;
  const match = token.exec(sourceCode.text);
  const length = match === null ? Math.min(1, sourceCode.text.length - index) : match[0].length;
  return { start, end: sourceCode.getLocFromIndex(index + length) };
}

function rangeOf(sourceCode: SourceCode, loc: AST.SourceLocation): AST.Range {
  return [sourceCode.getIndexFromLoc(loc.start), sourceCode.getIndexFromLoc(loc.end)];
}
