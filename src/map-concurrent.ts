/** Runs `task` over `items` with at most `limit` in flight, keeping the order of results. */

/** Each item's result, or the first error with the results of the items that succeeded before it was seen. */
export async function mapConcurrent<In, Out>(
  items: readonly In[],
  limit: number,
  task: (item: In) => Promise<Out>,
): Promise<{ results: Out[] } | { error: unknown; results: Out[] }> {
  const results: Out[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  async function worker(): Promise<void> {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as In);
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  const done = Object.values(results);
  return failure ? { error: failure.error, results: done } : { results: done };
}
