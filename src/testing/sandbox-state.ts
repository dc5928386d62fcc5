import type { SeedData } from "./seed-data.js";

/** The mutable data the handlers read and the revocations change. */
export interface SandboxState extends SeedData {
  orgId: string;
  /** The sandbox clock that date filters compare with. */
  now: Date;
  /** Signs the list cursors: what the data derive from but the clock, so the same sandbox started again accepts them. */
  cursorKey: string;
}
