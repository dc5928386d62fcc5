import { describe, expect, it } from "vitest";
import { useColor } from "../../src/cli/color.js";

describe("useColor", () => {
  it("colours a terminal by default", () => {
    expect(useColor(true, {})).toBe(true);
  });

  it("never colours a pipe, NO_COLOR or --no-color", () => {
    expect(useColor(false, {})).toBe(false);
    expect(useColor(true, { NO_COLOR: "1" })).toBe(false);
    expect(useColor(true, {}, false)).toBe(false);
  });

  it("ignores an empty NO_COLOR, as no-color.org says", () => {
    expect(useColor(true, { NO_COLOR: "" })).toBe(true);
  });
});
