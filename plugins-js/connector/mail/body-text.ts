/**
 * The text of an email body as a person reads it. HTML goes through html-to-text (what mailparser itself uses),
 * Node-side only: the control's own `core/transcript/html.ts` stays small for the PCF bundle.
 */
import { convert } from "html-to-text";

const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: "img", format: "skip" },
    { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
};

/** Trailing spaces go, and layout made of empty lines is not text: at most one blank line in a row. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "")
    .replace(/\s+$/, "");
}

export function htmlBodyToText(html: string): string {
  return tidyText(convert(html, HTML_OPTIONS));
}

/** A text part that is only whitespace is no text part: the HTML alternative is the body then. */
export function bodyText(text: string | undefined, html: string | false | undefined): string {
  if (text !== undefined && text.trim() !== "") return tidyText(text);
  return typeof html === "string" ? htmlBodyToText(html) : "";
}
