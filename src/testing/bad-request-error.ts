/** Thrown by the sandbox's own checks (beyond the spec's schema); the handler layer answers it as a 400. */
export class BadRequestError extends Error {
  override name = "BadRequestError";
  constructor(
    /** The query parameter (or `body`) at fault, named in the 400's detail. */
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}
