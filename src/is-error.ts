/** An Error from this realm or another (a vm context, a worker's structured clone). */
export function isError(value: unknown): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === "[object Error]";
}
