/** The characters of {@link RAW_CONTROL}, as regular-expression ranges. */
const CONTROL_RANGES =
  "\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069";

/**
 * A control character a terminal would obey (C0 but the line feed, DEL, C1, bidirectional controls,
 * line and paragraph separators): none may reach text output raw.
 */
export const RAW_CONTROL = new RegExp(`[${CONTROL_RANGES}]`);
