/**
 * A JSON parse error without the text of the body its message quotes. V8 quotes some ten characters around the fault
 * (`Unexpected token 'A', "…ATATT3xFfG"... is not valid JSON`), JavaScriptCore the whole token (`JSON Parse error:
 * Unexpected identifier "ATATT3xFfG…"`): either may hold part of a key the server echoed, which no replacing of the
 * whole key can find. The message is kept up to its first double quote; one without any is kept whole.
 */
export function withoutExcerpt(error: SyntaxError): SyntaxError {
  const quote = error.message.indexOf('"');
  if (quote === -1) return error;
  const kept = error.message.slice(0, quote).replace(/[\s,:.]+$/, "");
  return new SyntaxError(`${kept} (the body is not quoted)`);
}
