import { dataError } from "./io.js";

/** The encodings `--encoding` accepts. */
export type EncodingChoice = "auto" | "utf-8" | "latin1";

/** Text decoded from bytes, with the encoding used and, when it was guessed, why. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "latin1";
  readonly note?: string;
}

/**
 * Decodes file bytes. `auto`: a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8
 * is UTF-8, and anything else is read as ISO-8859-1 (latin-1), with a note saying so. A BOM is never
 * part of the text.
 */
export function decodeText(bytes: Uint8Array, encoding: EncodingChoice): DecodedText {
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === "latin1") return { text: Buffer.from(bytes).toString("latin1"), encoding: "latin1" };
  if (encoding === "utf-8") {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
    } catch {
      throw dataError("the file is not valid UTF-8; try --encoding latin1");
    }
  }
  if (utf8Bom)
    return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", note: "UTF-8 (byte-order mark)" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder("utf-16le").decode(bytes),
      encoding: "utf-16le",
      note: "UTF-16 LE (byte-order mark)",
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder("utf-16be").decode(bytes),
      encoding: "utf-16be",
      note: "UTF-16 BE (byte-order mark)",
    };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return {
      text: Buffer.from(bytes).toString("latin1"),
      encoding: "latin1",
      note: "latin-1 (ISO-8859-1): the file is not valid UTF-8; pass --encoding to choose",
    };
  }
}
