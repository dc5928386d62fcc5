import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDeadlines, MAX_SHARED, slackFor } from "../../src/deadlines.js";

const TIMEOUT = 1_600;
const SLACK = slackFor(TIMEOUT);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createDeadlines", () => {
  it("shares one signal among attempts that start within the slack, at most MAX_SHARED of them", () => {
    const deadline = createDeadlines(TIMEOUT);
    const t0 = Date.now();
    const first = deadline(t0);
    const shared = Array.from({ length: MAX_SHARED - 1 }, (_, i) => deadline(t0 + (i % SLACK)));
    for (const d of shared) expect(d.signal).toBe(first.signal);
    expect(deadline(t0 + 1).signal).not.toBe(first.signal);
    expect(deadline(t0 + 2 * SLACK).signal).not.toBe(deadline(t0 + SLACK).signal);
  });

  it("opens a new window when the clock is set back", () => {
    const deadline = createDeadlines(TIMEOUT);
    const t0 = Date.now();
    expect(deadline(t0 - 60_000).signal).not.toBe(deadline(t0).signal);
  });

  it("aborts with a TimeoutError no sooner than the timeout and no later than timeout + slack", async () => {
    const deadline = createDeadlines(TIMEOUT);
    const t0 = Date.now();
    const first = deadline(t0);
    await vi.advanceTimersByTimeAsync(SLACK - 1);
    const last = deadline(Date.now());
    expect(last.signal).toBe(first.signal);
    const expired = expect(last.expired).rejects.toMatchObject({ name: "TimeoutError" });
    // The last to join still gets its full timeout.
    await vi.advanceTimersByTimeAsync(TIMEOUT);
    expect(Date.now() - t0).toBe(TIMEOUT + SLACK - 1);
    expect(last.signal.aborted).toBe(false);
    // The first gets no more than timeout + slack.
    await vi.advanceTimersByTimeAsync(1);
    expect(first.signal.aborted).toBe(true);
    expect(first.timedOut).toBe(true);
    expect(Date.now() - t0).toBe(TIMEOUT + SLACK);
    expect(first.signal.reason).toMatchObject({ name: "TimeoutError", message: `no answer within ${TIMEOUT} ms` });
    await expired;
  });

  it("arms one timer per window, unreferenced between its attempts, and cleared once a newer window takes over", async () => {
    const armed: { hasRef(): boolean }[] = [];
    const setTimer = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, "setTimeout").mockImplementation(((...args: Parameters<typeof setTimeout>) => {
      const timer = setTimer(...args);
      armed.push(timer as unknown as { hasRef(): boolean });
      return timer;
    }) as typeof setTimeout);
    try {
      const deadline = createDeadlines(TIMEOUT);
      const t0 = Date.now();
      const a = deadline(t0);
      const b = deadline(t0);
      expect(armed).toHaveLength(1);
      a.release();
      expect(armed[0]?.hasRef()).toBe(true);
      b.release();
      // Idle: still there for the window's next attempt, but holding no process alive.
      expect(vi.getTimerCount()).toBe(1);
      expect(armed[0]?.hasRef()).toBe(false);
      await vi.advanceTimersByTimeAsync(SLACK / 2);
      const c = deadline(Date.now());
      expect(c.signal).toBe(a.signal);
      expect(armed).toHaveLength(1);
      expect(armed[0]?.hasRef()).toBe(true);
      c.release();
      // Past the slack a new window opens: the old one's timer goes, the new one arms its own.
      await vi.advanceTimersByTimeAsync(SLACK);
      const d = deadline(Date.now());
      expect(d.signal).not.toBe(a.signal);
      expect(armed).toHaveLength(2);
      expect(vi.getTimerCount()).toBe(1);
      // The window's deadline still holds for an attempt in flight.
      await vi.advanceTimersByTimeAsync(TIMEOUT + SLACK - 1);
      expect(d.signal.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(d.timedOut).toBe(true);
      expect(a.signal.aborted).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });

  it("times an attempt from its window's opening, an idle spell between attempts included", async () => {
    const deadline = createDeadlines(TIMEOUT);
    const t0 = Date.now();
    deadline(t0).release();
    await vi.advanceTimersByTimeAsync(SLACK / 2);
    const late = deadline(Date.now());
    await vi.advanceTimersByTimeAsync(TIMEOUT + SLACK / 2 - 1);
    expect(late.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(late.timedOut).toBe(true);
  });

  it("never hands out a window whose timer fired between its attempts, even to a clock set back", async () => {
    const deadline = createDeadlines(TIMEOUT);
    const t0 = Date.now();
    const idle = deadline(t0);
    idle.release();
    await vi.advanceTimersByTimeAsync(TIMEOUT + SLACK);
    const next = deadline(t0 + 1);
    expect(next.signal).not.toBe(idle.signal);
    expect(next.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(TIMEOUT + SLACK);
    expect(next.timedOut).toBe(true);
  });

  it("never hands out a window that has already fired", async () => {
    const deadline = createDeadlines(TIMEOUT);
    const t0 = Date.now();
    const first = deadline(t0);
    await vi.advanceTimersByTimeAsync(TIMEOUT + SLACK);
    expect(first.signal.aborted).toBe(true);
    // Even at the same instant as the first (a clock that stood still), the next attempt gets a live signal.
    expect(deadline(t0).signal.aborted).toBe(false);
  });
});

describe("createDeadlines with a caller signal", () => {
  it("shares a window among one caller's attempts within the slack, never with another caller's or with none", () => {
    const deadline = createDeadlines(TIMEOUT);
    const t0 = Date.now();
    const walk = new AbortController().signal;
    const first = deadline(t0, walk);
    expect(deadline(t0 + SLACK - 1, walk).signal).toBe(first.signal);
    expect(deadline(t0, new AbortController().signal).signal).not.toBe(first.signal);
    expect(deadline(t0).signal).not.toBe(first.signal);
    expect(deadline(t0 + SLACK, walk).signal).not.toBe(first.signal);
  });

  it("aborts with the caller's reason while an attempt is in flight, and stops listening once released", async () => {
    const deadline = createDeadlines(TIMEOUT);
    const caller = new AbortController();
    const d = deadline(Date.now(), caller.signal);
    const reason = new Error("stop");
    const expired = expect(d.expired).rejects.toBe(reason);
    caller.abort(reason);
    await expired;
    expect(d.signal.reason).toBe(reason);
    expect(d.timedOut).toBe(false);
    d.release();
    expect(vi.getTimerCount()).toBe(0);
    // An aborted window is never handed out again.
    expect(deadline(Date.now(), caller.signal).signal).not.toBe(d.signal);
  });

  it("listens to the caller again when a released window takes another attempt", async () => {
    const deadline = createDeadlines(TIMEOUT);
    const caller = new AbortController();
    const first = deadline(Date.now(), caller.signal);
    first.release();
    // Released: an abort now reaches nobody, and leaves the window as it was.
    const idle = new AbortController();
    const other = deadline(Date.now(), idle.signal);
    other.release();
    idle.abort();
    expect(other.signal.aborted).toBe(false);
    const second = deadline(Date.now(), caller.signal);
    expect(second.signal).toBe(first.signal);
    caller.abort(new Error("later"));
    expect(second.signal.aborted).toBe(true);
    await expect(second.expired).rejects.toThrow("later");
    second.release();
  });

  it("times out on its own no sooner than the timeout and no later than timeout + slack", async () => {
    const deadline = createDeadlines(TIMEOUT);
    const caller = new AbortController();
    const d = deadline(Date.now(), caller.signal);
    await vi.advanceTimersByTimeAsync(TIMEOUT - 1);
    expect(d.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(SLACK + 1);
    expect(d.timedOut).toBe(true);
    await expect(d.expired).rejects.toMatchObject({ name: "TimeoutError" });
    d.release();
    caller.abort();
    expect(d.signal.reason).toMatchObject({ name: "TimeoutError" });
  });
});
