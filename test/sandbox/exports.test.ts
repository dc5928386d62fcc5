import { describe, expect, it } from "vitest";
import * as testing from "../../src/testing/index.js";

describe("atlassian-admin-api-access/testing", () => {
  it("exports startSandbox and nothing else at run time", () => {
    expect(Object.keys(testing).sort()).toEqual(["startSandbox"]);
  });
});
