/**
 * Text taken from an answer is kept short and read in one pass, so a hostile or broken server
 * cannot make an error large, or slow to build.
 */

/** What ends a text that was cut short. */
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
 * Reads at most `scanChars` characters, each once, so the work is linear and bounded whatever the
 * input.
 *
 * @example
 * plainTextExcerpt('<h1>502 Bad Gateway</h1>', 120, 8192); // '502 Bad Gateway'
 */
export function plainTextExcerpt(text: string, maxChars: number, scanChars: number): string {
  const end = Math.min(text.length, scanChars);
  let plain = '';
  let inMarkup = false;
  let pendingSpace = false;
  let index = 0;
  for (; index < end && plain.length <= maxChars; index += 1) {
    const char = text[index]!;
    if (inMarkup) {
      if (char === '>') {
        inMarkup = false;
        pendingSpace = true;
      }
    } else if (char === '<') {
      inMarkup = true;
      pendingSpace = true;
    } else if (/\s/.test(char)) {
      pendingSpace = true;
    } else {
      if (pendingSpace && plain.length > 0) plain += ' ';
      pendingSpace = false;
      plain += char;
    }
  }
  if (plain.length > maxChars) return cutShort(plain, maxChars);
  // Text left unread: say the excerpt is cut.
  if (index < text.length && plain.length > 0) {
    return `${plain.slice(0, maxChars - CUT_MARKER.length)}${CUT_MARKER}`;
  }
  return plain;
}

/**
 * The start of a value written as JSON, at most `maxChars` long and at most `maxDepth` levels
 * deep: like `JSON.stringify`, but it stops once enough is written, so a huge or deeply nested
 * value costs no more than the excerpt.
 *
 * @example
 * jsonExcerpt({ message: 'Unauthorized' }, 120); // '{"message":"Unauthorized"}'
 */
export function jsonExcerpt(value: unknown, maxChars: number, maxDepth = 32): string {
  let out = '';
  const full = (): boolean => out.length > maxChars;
  const write = (current: unknown, depth: number): void => {
    if (full()) return;
    if (typeof current === 'string') {
      out += JSON.stringify(current.length > maxChars ? current.slice(0, maxChars) : current);
    } else if (typeof current === 'number') {
      out += Number.isFinite(current) ? String(current) : 'null';
    } else if (typeof current === 'boolean' || current === null) {
      out += String(current);
    } else if (typeof current !== 'object') {
      out += 'null';
    } else if (depth >= maxDepth) {
      out += Array.isArray(current) ? '[...]' : '{...}';
    } else if (Array.isArray(current)) {
      out += '[';
      for (let index = 0; index < current.length && !full(); index += 1) {
        if (index > 0) out += ',';
        write(current[index], depth + 1);
      }
      out += ']';
    } else {
      out += '{';
      let first = true;
      for (const key in current) {
        if (full()) break;
        if (!Object.hasOwn(current, key)) continue;
        if (!first) out += ',';
        first = false;
        out += `${JSON.stringify(key.length > maxChars ? key.slice(0, maxChars) : key)}:`;
        write((current as Record<string, unknown>)[key], depth + 1);
      }
      out += '}';
    }
  };
  write(value, 0);
  return cutShort(out, maxChars);
}
