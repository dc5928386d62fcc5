import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { parseIsoDate, parseIsoDateText } from "../../src/cli/iso-date.js";
import { parseIsoInstant } from "../../src/iso-instant.js";

describe("parseIsoInstant", () => {
  it("reads a date as midnight UTC", () => {
    expect(parseIsoInstant("2026-11-01")).toBe(Date.parse("2026-11-01T00:00:00Z"));
    expect(parseIsoInstant("2024-02-29")).toBe(Date.parse("2024-02-29T00:00:00Z"));
  });

  it("reads a date-time with Z or an offset, seconds and fraction optional", () => {
    expect(parseIsoInstant("2026-11-01T09:30Z")).toBe(Date.parse("2026-11-01T09:30:00Z"));
    expect(parseIsoInstant("2026-11-01T09:30:15Z")).toBe(Date.parse("2026-11-01T09:30:15Z"));
    expect(parseIsoInstant("2026-11-01T09:30:15.25Z")).toBe(Date.parse("2026-11-01T09:30:15.250Z"));
    expect(parseIsoInstant("2026-11-01T09:30:15.123456789Z")).toBe(Date.parse("2026-11-01T09:30:15.123Z"));
    expect(parseIsoInstant("2026-11-01T10:30:00+01:00")).toBe(Date.parse("2026-11-01T09:30:00Z"));
    expect(parseIsoInstant("2026-11-01T00:30:00-09:30")).toBe(Date.parse("2026-11-01T10:00:00Z"));
  });

  it("reads years below 100 as they are written", () => {
    expect(new Date(parseIsoInstant("0050-06-15") ?? Number.NaN).getUTCFullYear()).toBe(50);
  });

  it.each([
    "90",
    "Nov 5",
    "2026",
    "2026-11",
    "20261101",
    "2026-11-01T09:30:00",
    "2026-11-01 09:30:00Z",
    "2026-11-01T9:30Z",
    "2026-11-01T09:30:00+0100",
    "2026-11-01T09:30:00.Z",
    " 2026-11-01",
    "2026-11-01\n",
    "",
  ])("refuses %j, which is not an ISO 8601 date or date-time with a zone", (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it.each([
    "2026-02-29",
    "2026-02-30",
    "2100-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-01-01T24:00Z",
    "2026-01-01T23:60Z",
    "2026-01-01T23:59:60Z",
    "2026-01-01T12:00+24:00",
    "2026-01-01T12:00+01:60",
  ])("refuses %j, a date or time that does not exist, instead of rolling it over", (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });
});

describe("the option parsers", () => {
  it("give --as-of a Date and a filter its text unchanged", () => {
    expect(parseIsoDate("2026-11-01T10:30:00+01:00").toISOString()).toBe("2026-11-01T09:30:00.000Z");
    expect(parseIsoDateText("2026-11-01T10:30:00+01:00")).toBe("2026-11-01T10:30:00+01:00");
  });

  it("refuse anything else with an error saying what is expected", () => {
    expect(() => parseIsoDate("2026-02-30")).toThrow(InvalidArgumentError);
    expect(() => parseIsoDateText("Nov 5")).toThrow(/expected an ISO 8601 date/);
  });
});
