import { describe, expect, it } from "vitest";
import { blankMessages } from "../../bench/lib/blank-messages.js";

describe("blankMessages", () => {
  it("empties strings and template text that hold a space, keeping names and the code around them", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source as text
    const code = 'throw new E("name",`bad ${x} value: ${y}!`),h.get("x-request-id"),"a b"+`c`';
    // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source as text
    expect(blankMessages(code)).toBe('throw new E("name",`${x}${y}!`),h.get("x-request-id"),""+`c`');
  });

  it("leaves code without messages as it is, regular expressions included", () => {
    const code = "const r=/[ '\"`]+/;f('x',\"y\")";
    expect(blankMessages(code)).toBe(code);
  });
});
