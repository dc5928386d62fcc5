/**
 * A signal that aborts when either of two does, with that one's reason: `AbortSignal.any` where the runtime has it,
 * else the same by hand (Node before 20.3 lacks it), listening to both only until one aborts.
 */
export function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === "function") return AbortSignal.any([a, b]);
  if (a.aborted) return a;
  if (b.aborted) return b;
  const either = new AbortController();
  const stop = () => {
    a.removeEventListener("abort", onA);
    b.removeEventListener("abort", onB);
  };
  const onA = () => {
    stop();
    either.abort(a.reason);
  };
  const onB = () => {
    stop();
    either.abort(b.reason);
  };
  a.addEventListener("abort", onA, { once: true });
  b.addEventListener("abort", onB, { once: true });
  return either.signal;
}
