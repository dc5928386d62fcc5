import { describe, expect, it } from "vitest";
import { isoString } from "../../src/testing/iso-string.js";

describe("isoString", () => {
  it("writes what Date's toISOString writes, across and beyond the years 0000 to 9999", () => {
    const edges = [
      0, -1, 1, 0.5, -0.5, 1.999, -1.999, 951_782_400_000, 951_868_799_999.9, 4_107_542_400_000, -62_167_219_200_000,
      -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 8.64e15, -8.64e15,
    ];
    let state = 42;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    const anywhere = Array.from({ length: 50_000 }, () => (random() - 0.5) * 2 * 253_402_300_800_000 * random());
    // The sandbox's own dates: within a few years of its clock, at fractional milliseconds.
    const near = Array.from({ length: 50_000 }, () => 1_793_491_200_000 + (random() - 0.7) * 2000 * 86_400_000);
    const samples = [...anywhere, ...near];
    for (const ms of [...edges, ...samples]) expect(isoString(ms), String(ms)).toBe(new Date(ms).toISOString());
  });

  it("throws as Date does for a time it cannot write", () => {
    expect(() => isoString(Number.NaN)).toThrow(RangeError);
    expect(() => isoString(8.64e15 + 1)).toThrow(RangeError);
  });
});
