/**
 * A description saved by the rich text editor arrives as HTML (PRODUCT.md §4 rule 6). This turns it into text
 * without executing or rendering anything: it is string work only, so it runs the same in the browser and Node.
 * A parser library (htmlparser2 + entities) would add ~30 KB gzip to the control for the handful of block tags
 * the rich text editor writes; the PCF bundle budget is 25 KB (§9).
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  copy: "©",
  reg: "®",
  trade: "™",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  sect: "§",
  deg: "°",
  middot: "·",
  bull: "•",
  times: "×",
  divide: "÷",
  shy: "",
  zwj: "\u200d",
  zwnj: "\u200c",
  lrm: "\u200e",
  rlm: "\u200f",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const HTML_START_RE =
  /^\s*(<!doctype html|<!--|<(html|body|head|p|div|br|span|font|table|tbody|tr|td|ul|ol|li|pre|blockquote|h[1-6]|b|strong|i|em|u|a|img|section|article|meta|style)\b)/i;

/** A description is HTML when it starts with a tag; a plain transcript starts with a header key or a separator. */
export function looksLikeHtml(text: string): boolean {
  return HTML_START_RE.test(text);
}

const BLOCK_TAGS = "p|div|li|ul|ol|tr|table|h[1-6]|blockquote|pre|section|article|header|footer|title";

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(-->|$)/g, "")
      // Content of these is never text a person wrote: drop it whole.
      .replace(/<(script|style|head|template|noscript|iframe|object)\b[\s\S]*?(<\/\1\s*>|$)/gi, "")
      .replace(/\r\n?/g, "\n")
      // Source newlines between tags are layout, not text (the editor breaks lines with <p> and <br>).
      .replace(/>\s*\n\s*</g, "><")
      .replace(/<br\b[^>]*>/gi, "\n")
      .replace(new RegExp(`</(${BLOCK_TAGS})\\s*>`, "gi"), "\n")
      .replace(new RegExp(`<(${BLOCK_TAGS})\\b[^>]*>`, "gi"), "")
      .replace(/<\/?[a-z!?][^>]*>/gi, ""),
  )
    .replace(/\u00a0/g, " ")
    .replace(/\n+$/, "");
}
