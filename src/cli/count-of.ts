/** `1 page`, `2 pages`, `0 API tokens`: a count with its noun, plural unless the count is one (an "s" added). */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
