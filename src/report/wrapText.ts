/** The width of the text reports' prose lines (notes, lists, excerpts), in characters. */
export const TEXT_WIDTH = 80;

/**
 * A line of prose broken at spaces into lines of at most `width` characters (code points), the
 * next lines indented by `indent` spaces. A word longer than a whole line is cut at the width.
 * Lines that fit are returned as they are. O(length).
 */
export function wrapLine(line: string, indent: number, width: number = TEXT_WIDTH): string[] {
  let rest = Array.from(line);
  if (rest.length <= width) return [line];
  const lines: string[] = [];
  const margin = " ".repeat(indent);
  while (rest.length > width) {
    const space = rest.lastIndexOf(" ", width);
    const cut = space > indent ? space : width;
    lines.push(rest.slice(0, cut).join("").trimEnd());
    rest = Array.from(`${margin}${rest.slice(cut).join("").trimStart()}`);
  }
  lines.push(rest.join(""));
  return lines;
}
