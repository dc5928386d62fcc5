/**
 * Per-attempt timeouts: the signal an attempt hands fetch, aborted when its timeout runs out or its caller aborts.
 * A fresh AbortSignal per attempt costs more than the rest of an attempt's bookkeeping together (about 4 µs to make in
 * Node 20, and more again in undici, which follows and tracks every signal it is given: a walk of small pages ran
 * about 7 % faster once its pages shared them), so attempts that start close together share one: a window serves the
 * attempts of one caller (one caller signal, or none) that start within `slack` ms of its first one, at most
 * `MAX_SHARED` of them, and its timer aborts it `timeout + slack` ms after it opened. Each attempt so gets at least
 * `timeout` ms and at most `timeout + slack`. A caller's abort aborts its window, which only its own attempts use. A
 * window's timer is armed once, at its first attempt; between attempts it is unreferenced (cleared where the runtime
 * cannot unreference a timer), and cleared once a newer window takes over: arming and clearing a timer for every
 * attempt cost some 3 µs a call. The caller's signal is listened to only while an attempt is in flight. An idle
 * client keeps no process alive.
 */

import { onAbort } from "./abort-relay.js";
import { MAX_TIMER_MS } from "./delay.js";

/** What an attempt waits under: the signal to give fetch, and a promise that rejects when the signal aborts. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Rejects with the abort's reason as it happens (never resolves): a fetch that ignores its signal is raced. */
  readonly expired: Promise<never>;
  /** True once the timeout aborted the signal (not the caller). */
  readonly timedOut: boolean;
  /** The attempt is over. */
  release(): void;
}

/**
 * At most this many attempts share a signal. fetch implementations add an abort listener to the signal of every
 * request they are given (undici keeps it until the request is garbage-collected), and Node warns about a possible
 * leak past 10 listeners on one signal.
 */
export const MAX_SHARED = 10;

/** The slack for a timeout: a sixteenth of it, at most a second. */
export const slackFor = (timeout: number): number => Math.min(timeout / 16, 1_000);

/**
 * Hands out shared deadlines for attempts of `timeout` ms, each starting at `at` (epoch ms), for the caller whose
 * signal is `caller` (none: a window of the callers without a signal).
 */
export function createDeadlines(timeout: number): (at: number, caller?: AbortSignal) => Deadline {
  const slack = slackFor(timeout);
  let current: Window | undefined;
  // Keyed weakly: a caller's window goes with its signal.
  const byCaller = new WeakMap<AbortSignal, Window>();
  return (at, caller) => {
    let window = caller ? byCaller.get(caller) : current;
    // A clock set back opens a new window too: its timer must not outlast the timeout.
    const age = window ? at - window.openedAt : slack;
    if (!window || age < 0 || age >= slack || window.shared >= MAX_SHARED || window.signal.aborted) {
      window?.retire();
      window = new Window(at, timeout, slack, caller);
      if (caller) byCaller.set(caller, window);
      else current = window;
    }
    window.acquire(at);
    return window;
  };
}

/** A timer as the runtime gives it: Node's and Bun's can be referenced and unreferenced, a browser's is a number. */
type Timer = { ref?: () => unknown; unref?: () => unknown };

/** One signal, the attempts under it, and its timer. */
class Window implements Deadline {
  readonly #controller = new AbortController();
  readonly signal = this.#controller.signal;
  readonly expired: Promise<never>;
  timedOut = false;
  /** Attempts that have used this window. */
  shared = 0;
  #active = 0;
  #timer: Timer | undefined;
  /** A newer window serves the caller's next attempts. */
  #retired = false;
  #expire!: (reason: unknown) => void;
  /** Stops listening to the caller's signal. */
  #unlisten: (() => void) | undefined;

  constructor(
    readonly openedAt: number,
    readonly timeout: number,
    readonly slack: number,
    readonly caller?: AbortSignal,
  ) {
    this.expired = new Promise<never>((_, reject) => {
      this.#expire = reject;
    });
    // Nobody may be racing it when it fires.
    this.expired.catch(() => {});
  }

  acquire(at: number): void {
    this.shared++;
    if (this.#active++ > 0) return;
    const caller = this.caller;
    this.#unlisten = caller && onAbort(caller, () => this.#abort(caller.reason));
    // Armed once per window; between its attempts it is only unreferenced (see release), which costs less than
    // clearing it and arming a new one for every attempt.
    if (this.#timer !== undefined) return void this.#timer.ref?.();
    this.#timer = setTimeout(
      () => {
        // Aborted even between attempts, when it aborts nothing: an aborted window is never handed out again, even to
        // a clock set back into its slack.
        this.timedOut = true;
        this.#abort(new DOMException(`no answer within ${this.timeout} ms`, "TimeoutError"));
      },
      // The slack can take a timeout near the longest wait past it: the timer then fires at the timeout itself.
      Math.min(this.openedAt + this.timeout + this.slack - at, MAX_TIMER_MS),
    ) as Timer;
  }

  release(): void {
    if (--this.#active > 0) return;
    this.#unlisten?.();
    this.#unlisten = undefined;
    // Kept for the window's next attempt but unreferenced, so an idle client keeps no process alive; cleared where a
    // timer cannot be unreferenced (a browser's, Deno's) and once a newer window has taken over.
    if (!this.#retired && this.#timer?.unref) this.#timer.unref();
    else this.#clear();
  }

  /** A newer window serves the next attempts: the timer goes once this one's last attempt is over. */
  retire(): void {
    this.#retired = true;
    if (this.#active === 0) this.#clear();
  }

  #clear(): void {
    clearTimeout(this.#timer as ReturnType<typeof setTimeout>);
    this.#timer = undefined;
  }

  #abort(reason: unknown): void {
    // An aborted window serves no later attempt: its timer goes with its last one.
    this.#retired = true;
    this.#controller.abort(reason);
    this.#expire(reason);
  }
}
