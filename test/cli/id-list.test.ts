import { describe, expect, it } from "vitest";
import { parseIdList } from "../../src/cli/commands/service-accounts-count.js";

describe("parseIdList", () => {
  it("takes one id per line, trimmed, skipping blank lines", () => {
    expect(parseIdList("  sa-1  \r\n\n\t\nsa-2\n")).toEqual(["sa-1", "sa-2"]);
  });

  it("drops a comment that starts a line", () => {
    expect(parseIdList("# accounts of the prod org\nsa-1\n   # indented comment\nsa-2")).toEqual(["sa-1", "sa-2"]);
  });

  it("drops a comment after an id, and the blanks before it", () => {
    expect(parseIdList("sa-1 # prod\nsa-2\t#staging\r\nsa-3#no space")).toEqual(["sa-1", "sa-2", "sa-3"]);
  });

  it("ends a comment at the end of its line only", () => {
    expect(parseIdList("sa-1 # one # two\nsa-2")).toEqual(["sa-1", "sa-2"]);
  });

  it("gives nothing for a file of comments and blank lines", () => {
    expect(parseIdList("# a\n\n   \n#b # c\n")).toEqual([]);
  });
});
