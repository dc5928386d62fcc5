import { describe, expect, it } from "vitest";
import { withoutExcerpt } from "../../src/without-excerpt.js";

describe("withoutExcerpt", () => {
  it.each([
    // V8 (Node, Deno, Chromium)
    [
      `Unexpected token 'A', ..." [], "k": ATCTTsecre"... is not valid JSON`,
      "Unexpected token 'A' (the body is not quoted)",
    ],
    [`Unexpected token 'a', "abc" is not valid JSON`, "Unexpected token 'a' (the body is not quoted)"],
    // JavaScriptCore (Bun, Safari)
    [
      `JSON Parse error: Unexpected identifier "ATATT3xFfGF0aBcDe"`,
      "JSON Parse error: Unexpected identifier (the body is not quoted)",
    ],
  ])("drops the body's text from %j", (message, expected) => {
    const error = withoutExcerpt(new SyntaxError(message));
    expect(error).toBeInstanceOf(SyntaxError);
    expect(error.message).toBe(expected);
  });

  it.each([
    "Unexpected end of JSON input",
    "Expected property name or '}' in JSON at position 1",
    "JSON.parse: unexpected character at line 1 column 2 of the JSON data",
  ])("keeps a message that quotes no text, and the error itself: %j", (message) => {
    const error = new SyntaxError(message);
    expect(withoutExcerpt(error)).toBe(error);
  });
});
