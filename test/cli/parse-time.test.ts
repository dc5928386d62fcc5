import { describe, expect, it } from "vitest";
import { parseTime } from "../../src/cli/parse-time.js";

/** What `parseTime` promises: `Date.parse`, with NaN as undefined. */
const expected = (text: string) => {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
};

describe("parseTime", () => {
  it("reads the API's layout as Date.parse does", () => {
    for (const text of [
      "2026-06-23T07:35:52.478Z",
      "1970-01-01T00:00:00.000Z",
      "1969-12-31T23:59:59.999Z",
      "2024-02-29T12:00:00.000Z",
      "0000-01-01T00:00:00.000Z",
      "0099-12-31T00:00:00.000Z",
      "9999-12-31T23:59:59.999Z",
    ]) {
      expect(parseTime(text)).toBe(Date.parse(text));
    }
  });

  it("rolls a day past the month's end over, as Date.parse does", () => {
    expect(parseTime("2026-02-30T00:00:00.000Z")).toBe(Date.parse("2026-03-02T00:00:00.000Z"));
    expect(parseTime("2026-01-01T24:00:00.000Z")).toBe(Date.parse("2026-01-02T00:00:00.000Z"));
  });

  it("is undefined where Date.parse finds no date", () => {
    for (const text of [
      "2026-13-01T00:00:00.000Z",
      "2026-00-01T00:00:00.000Z",
      "2026-01-32T00:00:00.000Z",
      "2026-01-00T00:00:00.000Z",
      "2026-01-01T24:00:00.001Z",
      "2026-01-01T23:60:00.000Z",
      "2026-01-01T23:59:60.000Z",
      "2026-01-01T2x:00:00.000Z",
      "not a date",
      "soon",
    ]) {
      expect(parseTime(text), text).toBeUndefined();
    }
  });

  it("reads other layouts with Date.parse", () => {
    for (const text of [
      "2026-11-20T00:00:00Z",
      "2026-11-20T00:00:00.000+00:00",
      "2026-11-20T01:00:00+01:00",
      "2026-11-20",
    ]) {
      expect(parseTime(text), text).toBe(Date.parse(text));
    }
  });

  it("is undefined when absent, null or empty", () => {
    expect(parseTime(undefined)).toBeUndefined();
    expect(parseTime(null)).toBeUndefined();
    expect(parseTime("")).toBeUndefined();
  });

  it("agrees with Date.parse on thousands of timestamps with one character changed", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const characters = "0123456789-:.TZtz +x";
    for (let i = 0; i < 4000; i++) {
      const base = new Date(random(2_000_000) * 86_400_000 - 40_000_000_000_000 + random(86_400_000)).toISOString();
      const at = random(base.length);
      const text = `${base.slice(0, at)}${characters[random(characters.length)]}${base.slice(at + 1)}`;
      expect(parseTime(base)).toBe(expected(base));
      expect(parseTime(text), text).toBe(expected(text));
    }
  });
});
