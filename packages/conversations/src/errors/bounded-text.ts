/**
 * Text taken from an answer is kept short and read in one pass, so a hostile or broken server
 * cannot make an error large, or slow to build.
 */

/**
 * What ends a text that was cut short.
 *
 * @example
 * excerpt.endsWith(CUT_MARKER); // the body went on
 */
export const CUT_MARKER = '...';

/**
 * The text, at most `maxChars` long: cut with `...` at the end when it was longer.
 *
 * @example
 * cutShort('a'.repeat(1000), 10); // 'aaaaaaa...'
 */
export function cutShort(text: string, maxChars: number): string {
  return text.length > maxChars
    ? `${text.slice(0, Math.max(0, maxChars - CUT_MARKER.length))}${CUT_MARKER}`
    : text;
}

/**
 * The readable text at the start of an HTML page or any other text: markup left out (from a `<`
 * to the next `>`, or to the end of what is read), whitespace collapsed, at most `maxChars` long.
 * Only the first `scanChars` characters are read. Each pattern here matches at its first try
 * (the closing `>` is optional), so every pass is linear, where `/<[^>]*>/` is quadratic on a run
 * of `<`.
 *
 * @example
 * plainTextExcerpt('<h1>502 Bad Gateway</h1>', 120, 8192); // '502 Bad Gateway'
 */
export function plainTextExcerpt(text: string, maxChars: number, scanChars: number): string {
  const plain = text
    .slice(0, scanChars)
    .replace(/<[^>]*>?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Text left unread: the excerpt says it is cut.
  return plain && text.length > scanChars
    ? `${plain.slice(0, maxChars - CUT_MARKER.length)}${CUT_MARKER}`
    : cutShort(plain, maxChars);
}
