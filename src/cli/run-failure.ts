/** A failure the CLI can explain in one line of its own (a sandbox whose port is taken); exits 3. */
export class RunFailure extends Error {
  override readonly name = "RunFailure";
}
