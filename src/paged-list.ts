/**
 * A cursor-paginated list, written once: awaitable (the first page), async-iterable (every item, lazily), with
 * `pages()` and a collect-all `toArray` that needs an explicit limit.
 */
import { AdminApiError, InvalidInputError, InvalidResponseError } from "./errors.js";
import { cursorIn, cursorLoop } from "./next-cursor.js";
import { shownValue } from "./shown-value.js";
import type { PageLinks } from "./types.js";

/** One page of a list. */
export interface Page<Item> {
  data: Item[];
  /** The cursor of the next page; undefined on the last one. */
  nextCursor: string | undefined;
  /** The page's links, as the API returned them; undefined when it sent none. */
  links: PageLinks | undefined;
}

/**
 * Fetches the page at `cursor` (undefined: the first page); `signal` aborts it when the walk ends early. In a walk,
 * `seen` holds the cursors it has followed, so the fetch can refuse a page that would send it back to one (the walk
 * refuses such a page too, but the fetch can say which response it was).
 */
export type FetchPage<Item> = (
  cursor: string | undefined,
  signal?: AbortSignal,
  seen?: ReadonlySet<string>,
) => Promise<Page<Item>>;

/**
 * What `apiTokens.list` returns; `instanceof PagedList` tells it apart. Built by the client: the constructor takes the
 * function that fetches one page.
 */
export class PagedList<Item> implements PromiseLike<Page<Item>>, AsyncIterable<Item> {
  readonly #fetchPage: FetchPage<Item>;
  readonly #startCursor: string | undefined;
  #first: Promise<Page<Item>> | undefined;

  constructor(fetchPage: FetchPage<Item>, startCursor: string | undefined) {
    this.#fetchPage = fetchPage;
    this.#startCursor = startCursor;
  }

  /** Awaiting the list gives its first page (fetched once, however often it is awaited). */
  // biome-ignore lint/suspicious/noThenProperty: the list is deliberately awaitable, like openai-node's pages.
  then<A = Page<Item>, B = never>(
    onfulfilled?: ((page: Page<Item>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.#first ??= this.#fetchPage(this.#startCursor);
    return this.#first.then(onfulfilled, onrejected);
  }

  /**
   * Every page, following `links.next` with the same filters and pageSize. While the caller handles page n, page
   * n+1 is already on its way (an early `break` aborts it). With `limit`, the walk ends with the page that brings
   * the items to `limit` (that page is not cut) and requests none beyond it. Stops on a missing cursor, refuses a
   * repeated one, and tags an error with `resumeCursor` so `list(..., { startCursor })` can go on from there.
   */
  pages(options: { limit?: number } = {}): AsyncGenerator<Page<Item>, void, undefined> {
    return this.#walk("pages", options?.limit);
  }

  /** The walk behind pages() and toArray; a bad `limit` rejects its first step, before any request. */
  async *#walk(method: string, given: number | undefined): AsyncGenerator<Page<Item>, void, undefined> {
    const limit = given === undefined ? Number.POSITIVE_INFINITY : checkLimit(method, given);
    const walk = new AbortController();
    const seen = new Set<string>();
    let cursor = this.#startCursor;
    let pending = this.#fetch(cursor, walk.signal, seen);
    let taken = 0;
    let emptyInARow = 0;
    try {
      for (;;) {
        if (cursor !== undefined) seen.add(cursor);
        const page = await pending;
        const next = page.nextCursor;
        // The fetch may have said so already, with the response; this catches a FetchPage that does not.
        const loop = cursorLoop(next, cursor, page.links?.self, seen);
        if (loop) throw new InvalidResponseError(`${loop.charAt(0).toUpperCase()}${loop.slice(1)}.`);
        emptyInARow = page.data.length === 0 ? emptyInARow + 1 : 0;
        if (next !== undefined && emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW) {
          throw new InvalidResponseError(
            `The API sent ${emptyInARow} empty pages in a row, each with a next cursor, so the walk stopped instead of requesting pages without end.`,
          );
        }
        // A page's own cursor (its `links.self`) counts as followed too, for the pages after it.
        const own = cursorIn(page.links?.self);
        if (own !== undefined) seen.add(own);
        taken += page.data.length;
        // Prefetch only a page that will be needed: a small limit sends no extra request.
        const more = next !== undefined && taken < limit;
        if (more) pending = this.#fetch(next, walk.signal, seen);
        yield page;
        if (!more) return;
        cursor = next;
      }
    } finally {
      walk.abort();
    }
  }

  /** Fetches one page; an error is tagged with its cursor, and a prefetch nobody awaits never goes unhandled. */
  #fetch(cursor: string | undefined, walk: AbortSignal, seen: ReadonlySet<string>): Promise<Page<Item>> {
    // The walk's signal goes to every page: the transport listens on it only while an attempt is in flight.
    const pending = this.#fetchPage(cursor, walk, seen).catch((error: unknown) => {
      if (error instanceof AdminApiError) error.resumeCursor = cursor;
      throw error;
    });
    pending.catch(() => {});
    return pending;
  }

  /**
   * Every item of every page, lazily: one page in memory at a time. A plain iterator rather than an async
   * generator: an item already in hand is answered in one step, where `yield*` takes several per item.
   */
  [Symbol.asyncIterator](): AsyncIterableIterator<Item, undefined> {
    const pages = this.pages();
    let data: Item[] = [];
    let index = 0;
    let loading: Promise<IteratorResult<Item, undefined>> | undefined;
    const load = async (): Promise<IteratorResult<Item, undefined>> => {
      for (;;) {
        const page = await pages.next();
        if (page.done) return { value: undefined, done: true };
        data = page.value.data;
        index = 0;
        if (data.length > 0) return { value: data[index++] as Item, done: false };
      }
    };
    const items: AsyncIterableIterator<Item, undefined> = {
      next() {
        // Calls made while a page loads are answered in order, after it.
        if (loading) return loading.then(() => items.next());
        if (index < data.length) return Promise.resolve({ value: data[index++] as Item, done: false });
        loading = load().finally(() => {
          loading = undefined;
        });
        return loading;
      },
      /** An early `break`: ends the walk, which aborts the page being prefetched. */
      async return() {
        data = [];
        await pages.return();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => items,
    };
    return items;
  }

  /** Collects at most `limit` items. The limit is required: an org can hold more tokens than memory. */
  async toArray(options: { limit: number }): Promise<Item[]> {
    const limit = checkLimit("toArray", options?.limit);
    const items: Item[] = [];
    for await (const page of this.#walk("toArray", limit)) {
      for (const item of page.data) {
        items.push(item);
        if (items.length >= limit) return items;
      }
    }
    return items;
  }
}

/**
 * Empty pages that still point to a next one, in a row, after which a walk gives up. The API filters before it pages,
 * so an empty page is the last one; without a bound, an iterator over items would request pages for ever without
 * yielding once, and its caller could not even `break`.
 */
const MAX_EMPTY_PAGES_IN_A_ROW = 100;

/** `limit` when it is a positive integer; else InvalidInputError, before any request. */
function checkLimit(method: string, limit: unknown): number {
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1) {
    throw new InvalidInputError("limit", `${method} needs { limit }, a positive integer; got ${shownValue(limit)}`);
  }
  return limit;
}
