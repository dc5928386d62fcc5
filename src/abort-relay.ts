/**
 * One abort listener on a signal however many of the client's waits and attempts listen to it at once: Node warns
 * (MaxListenersExceededWarning) past 10 listeners on one signal, and a fan-out at a concurrency above 10, with the
 * caller's signal, runs more than that. The listener is removed when the last one stops listening.
 */
interface Relay {
  listeners: Set<() => void>;
  /** The one listener on the signal: calls every listener in `listeners`. */
  relay: () => void;
}

const relays = new WeakMap<AbortSignal, Relay>();

/** Calls `listener` once when `signal` aborts; the function returned stops listening. */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  let entry = relays.get(signal);
  if (!entry) {
    const listeners = new Set<() => void>();
    const relay = () => {
      relays.delete(signal);
      for (const each of [...listeners]) each();
    };
    entry = { listeners, relay };
    relays.set(signal, entry);
    signal.addEventListener("abort", relay, { once: true });
  }
  const { listeners, relay } = entry;
  listeners.add(listener);
  return () => {
    if (!listeners.delete(listener) || listeners.size > 0) return;
    relays.delete(signal);
    signal.removeEventListener("abort", relay);
  };
}
