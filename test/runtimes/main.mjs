// Entry of the runtime matrix for Node, Bun and Deno: the ESM build from dist/, the sandbox given as arguments
// (baseUrl, apiKey, orgId) and the redirecting server's URL, the result as one JSON line.
import * as sdk from "../../dist/index.js";
import { scenario } from "./scenario.mjs";

const [baseUrl, apiKey, orgId, redirectUrl] = globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2);
console.log(JSON.stringify(await scenario(sdk, { baseUrl, apiKey, orgId, redirectUrl })));
