import { afterEach, expect, it } from "vitest";
import { fakeApi, json, ORG, pageOf } from "./fake-api.js";

const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
afterEach(() => {
  process.off("warning", onWarning);
});

it("walks 3,000 pages without piling listeners on one AbortSignal", async () => {
  process.on("warning", onWarning);
  const { client } = fakeApi((_, request) => json(pageOf(3_000, 1, request.query)));
  let n = 0;
  for await (const _ of client.apiTokens.list(ORG, { pageSize: 1 })) n++;
  await new Promise((resolve) => setImmediate(resolve));
  expect(n).toBe(3_000);
  expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
});
