/** The width of the text reports' prose lines (notes, lists, excerpts), in characters. */
export const TEXT_WIDTH = 80;

/**
 * A line of prose broken at spaces into lines of at most `width` characters (code points), the
 * next lines indented by `indent` spaces. With `betweenItems`, only a space after a comma breaks the
 * line, so that the items of a list (`prix (z 3.4), trop (z 3.3)`) stay whole. A word or item longer
 * than a whole line is cut at the width. Lines that fit are returned as they are. O(length).
 */
export function wrapLine(
  line: string,
  indent: number,
  options: { readonly width?: number; readonly betweenItems?: boolean } = {},
): string[] {
  const width = options.width ?? TEXT_WIDTH;
  let rest = Array.from(line);
  if (rest.length <= width) return [line];
  const lines: string[] = [];
  const margin = " ".repeat(indent);
  while (rest.length > width) {
    let cut = width;
    for (let i = Math.min(width, rest.length - 1); i > indent; i--) {
      if (rest[i] === " " && (options.betweenItems !== true || rest[i - 1] === ",")) {
        cut = i;
        break;
      }
    }
    lines.push(rest.slice(0, cut).join("").trimEnd());
    rest = Array.from(`${margin}${rest.slice(cut).join("").trimStart()}`);
  }
  lines.push(rest.join(""));
  return lines;
}
