import { describe, expect, it } from "vitest";
import { parseTime } from "../../src/cli/parse-time.js";
import { parseIsoInstant } from "../../src/iso-instant.js";

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

  it("reads other ISO 8601 layouts with a zone, and a bare date as midnight UTC", () => {
    for (const text of [
      "2026-11-20T00:00:00Z",
      "2026-11-20T00:00:00.000+00:00",
      "2026-11-20T01:00:00+01:00",
      "2026-11-20T00:00:00.123456Z",
      "2026-11-20",
    ]) {
      expect(parseTime(text), text).toBe(Date.parse(text));
    }
  });

  it("is undefined for a date or time that does not exist, which Date.parse would roll over", () => {
    for (const text of [
      "2026-02-30T00:00:00.000Z",
      "2025-02-29T00:00:00.000Z",
      "2026-04-31T00:00:00.000Z",
      "2026-01-01T24:00:00.000Z",
      "2026-13-01T00:00:00.000Z",
      "2026-00-01T00:00:00.000Z",
      "2026-01-00T00:00:00.000Z",
      "2026-01-01T23:60:00.000Z",
      "2026-01-01T23:59:60.000Z",
      "2026-01-01T2x:00:00.000Z",
      "2026-01-01T00:00:00+24:00",
      "2026-01-01T00:00:00+05:60",
      "2026-01-01T00:00:00.1234567890Z",
    ]) {
      expect(parseTime(text), text).toBeUndefined();
    }
  });

  it("guesses nothing: no zone, a bare number or words are undefined, whatever the machine's time zone", () => {
    for (const text of ["2026-08-30T00:00:00", "2026-08-30 00:00:00Z", "90", "1732752000", "not a date", "soon"]) {
      expect(parseTime(text), text).toBeUndefined();
    }
  });

  it("is undefined when absent, null or empty", () => {
    expect(parseTime(undefined)).toBeUndefined();
    expect(parseTime(null)).toBeUndefined();
    expect(parseTime("")).toBeUndefined();
  });

  it("agrees with parseIsoInstant on thousands of timestamps with one character changed, in every layout", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const characters = "0123456789-:.TZtz +x";
    // The API's layout, then the spec examples' (no fraction; +00:00), another offset, and a longer fraction.
    const layouts = [
      (iso: string) => iso,
      (iso: string) => `${iso.slice(0, 19)}Z`,
      (iso: string) => `${iso.slice(0, 23)}+00:00`,
      (iso: string) => `${iso.slice(0, 19)}-05:30`,
      (iso: string) => `${iso.slice(0, 23)}4567Z`,
    ];
    let read = 0;
    for (let i = 0; i < 10_000; i++) {
      const iso = new Date(random(2_000_000) * 86_400_000 - 40_000_000_000_000 + random(86_400_000)).toISOString();
      const base = (layouts[i % layouts.length] as (iso: string) => string)(iso);
      expect(parseTime(base), base).toBe(parseIsoInstant(base));
      const at = random(base.length);
      const text = `${base.slice(0, at)}${characters[random(characters.length)]}${base.slice(at + 1)}`;
      expect(parseTime(base)).toBe(Date.parse(base));
      expect(parseTime(text), text).toBe(parseIsoInstant(text));
      if (parseTime(text) !== undefined) read++;
    }
    // Many changed texts are still dates (a digit for a digit), many are not: both sides are exercised.
    expect(read).toBeGreaterThan(2500);
    expect(read).toBeLessThan(9800);
  });
});
