/** The sandbox: a stateful stand-in for the Admin API Access API, for tests and the CLI's `sandbox` command. */
export type { Fault, FaultMatch } from "./fault.js";
export type { RecordedRequest, Sandbox } from "./sandbox.js";
export type { SandboxOptions } from "./sandbox-options.js";
export { startSandbox } from "./start-sandbox.js";
