/**
 * A bundle with its messages blanked: every string or template-literal part that holds a space (a sentence, not a
 * name such as a header or an option) becomes empty, so the size benchmark can tell the code's bytes from its words.
 */
import ts from "typescript";

/** Kinds of literal text: a whole string, or a template's text between its `${}` parts. */
const TEXT_KINDS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

/** How each kind of literal is written empty, its delimiters kept so the code around it still parses. */
const EMPTY: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: "``",
  [ts.SyntaxKind.TemplateHead]: "`${",
  [ts.SyntaxKind.TemplateMiddle]: "}${",
  [ts.SyntaxKind.TemplateTail]: "}`",
};

export function blankMessages(code: string): string {
  const file = ts.createSourceFile("bundle.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const spans: { start: number; end: number; empty: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (TEXT_KINDS.has(node.kind) && (node as ts.LiteralLikeNode).text.includes(" ")) {
      spans.push({ start: node.getStart(file), end: node.getEnd(), empty: EMPTY[node.kind] ?? '""' });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = "";
  let at = 0;
  for (const { start, end, empty } of spans.sort((a, b) => a.start - b.start)) {
    out += code.slice(at, start) + empty;
    at = end;
  }
  return out + code.slice(at);
}
