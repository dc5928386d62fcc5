/**
 * One abort listener on a signal however many of the client's waits and attempts listen to it at once: Node warns
 * (MaxListenersExceededWarning) past 10 listeners on one signal, and a fan-out at a concurrency above 10, with the
 * caller's signal, runs more than that. The listener is removed when the last one stops listening.
 */
const relays = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `listener` once when `signal` aborts; the function returned stops listening. */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  let listeners = relays.get(signal);
  if (!listeners) {
    const set = new Set<() => void>();
    const relay = () => {
      relays.delete(signal);
      for (const each of [...set]) each();
    };
    relays.set(signal, set);
    signal.addEventListener("abort", relay, { once: true });
    relayOf.set(set, relay);
    listeners = set;
  }
  const set = listeners;
  set.add(listener);
  return () => {
    if (!set.delete(listener) || set.size > 0) return;
    relays.delete(signal);
    const relay = relayOf.get(set);
    if (relay) signal.removeEventListener("abort", relay);
  };
}

/** The one listener each relay put on its signal, to take it off again. */
const relayOf = new WeakMap<Set<() => void>, () => void>();
