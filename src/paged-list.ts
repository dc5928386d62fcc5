/**
 * A cursor-paginated list, written once: awaitable (the first page), async-iterable (every item, lazily), with
 * `pages()` and a collect-all `toArray` that needs an explicit limit.
 */
import { AdminApiError, InvalidInputError, InvalidResponseError } from "./errors.js";
import type { PageLinks } from "./types.js";

/** One page of a list. */
export interface Page<Item> {
  data: Item[];
  /** The cursor of the next page; undefined on the last one. */
  nextCursor: string | undefined;
  /** The page's links, as the API returned them. */
  links: PageLinks;
}

/** Fetches the page at `cursor` (undefined: the first page). */
export type FetchPage<Item> = (cursor: string | undefined) => Promise<Page<Item>>;

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
   * Every page, following `links.next` with the same filters and pageSize. Stops on a missing cursor, refuses a
   * repeated one, and tags an error with `resumeCursor` so `list(..., { startCursor })` can go on from there.
   */
  async *pages(): AsyncGenerator<Page<Item>, void, undefined> {
    const seen = new Set<string>();
    let cursor = this.#startCursor;
    for (;;) {
      if (cursor !== undefined) seen.add(cursor);
      let page: Page<Item>;
      try {
        page = await this.#fetchPage(cursor);
      } catch (error) {
        if (error instanceof AdminApiError) error.resumeCursor = cursor;
        throw error;
      }
      yield page;
      if (page.nextCursor === undefined) return;
      if (seen.has(page.nextCursor)) {
        throw new InvalidResponseError(
          `The API repeated the page cursor "${page.nextCursor}": stopped instead of looping.`,
        );
      }
      cursor = page.nextCursor;
    }
  }

  /** Every item of every page, lazily: one page in memory at a time. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Collects at most `limit` items. The limit is required: an org can hold more tokens than memory. */
  async toArray(options: { limit: number }): Promise<Item[]> {
    const limit = options?.limit;
    if (!Number.isInteger(limit) || limit < 1) {
      throw new InvalidInputError("limit", `toArray needs { limit }, a positive integer; got ${String(limit)}`);
    }
    const items: Item[] = [];
    for await (const page of this.pages()) {
      for (const item of page.data) {
        items.push(item);
        if (items.length >= limit) return items;
      }
    }
    return items;
  }
}
