/** govukPagination's parameters for page `page` of `pageCount`, with links made by `hrefFor`. */
export function paginationFor(page: number, pageCount: number, hrefFor: (page: number) => string) {
  if (pageCount <= 1) return undefined;
  const shown = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const numbers = [...shown].sort((a, b) => a - b);
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = [];
  numbers.forEach((number, index) => {
    if (index > 0 && number - numbers[index - 1] > 1) items.push({ ellipsis: true });
    items.push({ number, href: hrefFor(number), current: number === page });
  });
  return {
    previous: page > 1 ? { href: hrefFor(page - 1) } : undefined,
    next: page < pageCount ? { href: hrefFor(page + 1) } : undefined,
    items,
  };
}
