/**
 * Escapes text for HTML text content and double- or single-quoted attribute values: `&`, `<`, `>`,
 * `"` and `'` become character references, so no data can open a tag, close an attribute or start an
 * entity. O(length).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character as keyof typeof ENTITIES]);
}

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" } as const;

/**
 * JSON for a `<script type="application/json">` block: `JSON.stringify` with `<`, `>`, `&`, U+2028
 * and U+2029 written as `\u` escapes, so the text can never close the script element (`</script>`),
 * open a comment (`<!--`) or break a JavaScript parser; `JSON.parse` reads back the same value.
 * O(length).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => UNICODE[character as keyof typeof UNICODE]);
}

const UNICODE = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
} as const;

/**
 * JavaScript source made safe to inline in a `<script>` element: every `</script` and `<!--` (in any
 * letter case) has its `<` written as `\x3C`, which means the same inside strings, template literals
 * and regular expressions (the only places minified library code has them). O(length).
 */
export function scriptForHtml(source: string): string {
  return source.replace(/<(?=\/script|!--)/gi, "\\x3C");
}
