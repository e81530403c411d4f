/** The page's text as a reader sees it: tags dropped, entities decoded, white space collapsed. */
export function textOf(html: string): string {
  return (
    html
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      // A tag closed right before punctuation left a space there.
      .replace(/ ([:.,;!?)])/g, '$1')
      .trim()
  );
}
