/**
 * Charset repair for 8-bit text whose label is missing or wrong. mailparser decodes a part by its `charset=` label
 * and reads an unlabelled, `us-ascii` or `utf-8` part as UTF-8, so Latin-1 bytes there come out as U+FFFD. Text
 * that does not decode under its label is read as UTF-8 when it is UTF-8 (more characters decode than fail), else as windows-1252 (the WHATWG
 * Encoding Standard's reading of `iso-8859-1` and `us-ascii`, https://encoding.spec.whatwg.org/#names-and-labels).
 * The repair relabels the part (with mailparser's own splitter) and leaves the decoding to mailparser.
 */
import { Joiner, Splitter, type MimeNode, type SplitterChunk } from "@zone-eu/mailsplit";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { TextDecoder } from "node:util";

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const WINDOWS_1252 = new TextDecoder("windows-1252");

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const UTF8_LENIENT = new TextDecoder("utf-8");

/**
 * UTF-8 with a stray broken byte is still UTF-8: more characters decode than fail. Windows-1252 text almost never
 * forms valid multi-byte sequences, so for it the failures win.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (const c of UTF8_LENIENT.decode(bytes)) {
    if (c === "\ufffd") bad++;
    else if (c.charCodeAt(0) >= 0x80) good++;
  }
  return good > bad;
}

function has8bit(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/** Labels that say nothing about 8-bit bytes: mailparser reads them as UTF-8. */
const READ_AS_UTF8 = new Set([
  "",
  "us-ascii",
  "ascii",
  "utf-8",
  "utf8",
  "unknown",
  "unknown-8bit",
  "x-unknown",
  "8bit",
]);

const LATIN1_LABELS = new Set(["iso-8859-1", "iso8859-1", "latin1", "l1", "iso-8859-15", "windows-1252", "cp1252"]);

/** The charset to read `bytes` with, or null when the declared one reads them cleanly. */
export function repairedCharset(declared: string | false | undefined, bytes: Uint8Array): string | null {
  if (!has8bit(bytes)) return null;
  const label = (declared || "").toLowerCase().trim();
  const fallback = mostlyUtf8(bytes) ? "utf-8" : "windows-1252";
  if (READ_AS_UTF8.has(label)) return fallback === "utf-8" ? null : fallback;
  // UTF-8 under a Latin-1 label: in real Latin-1 text a lead byte (Â…ô) is never followed by C1 controls or the
  // symbols A0–BF, so bytes that are valid multi-byte UTF-8 were written as UTF-8.
  if (LATIN1_LABELS.has(label) && isValidUtf8(bytes)) return "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    // A label the Encoding Standard does not know (utf-7, cp437): mailparser's iconv-lite may; only valid UTF-8
    // is relabelled.
    return fallback === "utf-8" ? fallback : null;
  }
  try {
    decoder.decode(bytes);
    return null;
  } catch {
    return fallback;
  }
}

const ENCODED_WORD_RE = /=\?([^?*\s]+)(\*[^?]*)?\?([QqBb])\?([^?\s]*)\?=/g;

/** The bytes an RFC 2047 encoded word carries (`Q`: `_` is a space, `=XX` a byte; `B`: base64). */
function encodedWordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === "B") return Buffer.from(text, "base64");
  const q = text
    .replace(/_/g, " ")
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(q, "latin1");
}

/** Encoded words whose bytes do not fit their charset get the one that reads them (RFC 2047 §2). */
function relabelEncodedWords(field: string): string {
  if (!field.includes("=?")) return field;
  return field.replace(
    ENCODED_WORD_RE,
    (word, charset: string, language: string | undefined, encoding: string, text: string) => {
      const repaired = repairedCharset(charset, encodedWordBytes(encoding, text));
      return repaired ? `=?${repaired}${language ?? ""}?${encoding}?${text}?=` : word;
    },
  );
}

/**
 * The header block (up to the first empty line) repaired as mailparser needs it: each raw 8-bit field that is not
 * UTF-8 is read as windows-1252 and written as UTF-8 (mailparser reads raw header bytes as UTF-8), and an encoded
 * word whose bytes do not fit its charset is relabelled. A field with encoded words keeps its raw bytes: they
 * belong to the charset the encoded word names.
 */
export function repairHeaders(raw: Buffer): Buffer {
  const lf = raw.indexOf("\n\n");
  const crlf = raw.indexOf("\r\n\r\n");
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
  const head = raw.subarray(0, end < 0 ? raw.length : end);
  const encodedWords = head.includes("=?");
  if (!encodedWords && (!has8bit(head) || isValidUtf8(head))) return raw;
  let changed = false;
  const fields = head.toString("latin1").split(/(?<=\n)(?![ \t])/);
  const fixed = fields.map((field) => {
    const bytes = Buffer.from(field, "latin1");
    if (field.includes("=?")) {
      const relabelled = relabelEncodedWords(field);
      if (relabelled === field) return bytes;
      changed = true;
      return Buffer.from(relabelled, "latin1");
    }
    if (!has8bit(bytes) || isValidUtf8(bytes)) return bytes;
    changed = true;
    return Buffer.from(WINDOWS_1252.decode(bytes), "utf8");
  });
  return changed ? Buffer.concat([...fixed, raw.subarray(head.length)]) : raw;
}

const isTextLeaf = (node: MimeNode): boolean =>
  !node.multipart && /^text\/(plain|html)$|^message\/delivery-status$/.test(node.contentType || "text/plain");

const isUntypedDigestPart = (node: MimeNode): boolean =>
  !!node.parentNode &&
  node.parentNode.multipart === "digest" &&
  node.headers !== false &&
  !node.headers.get("Content-Type").length;

/** Holds each text part until its body is complete, then relabels it when its bytes do not fit its label. */
class Relabel extends Transform {
  private held: { node: MimeNode; chunks: SplitterChunk[] } | null = null;
  relabelled = 0;

  constructor() {
    super({ objectMode: true });
  }

  private async release(): Promise<void> {
    const held = this.held;
    if (!held) return;
    this.held = null;
    const encoded = Buffer.concat(held.chunks.map((c) => (c as { value: Buffer }).value));
    const decoder = held.node.getDecoder();
    const decoded: Buffer[] = [];
    decoder.on("data", (b: Buffer) => decoded.push(b));
    await new Promise<void>((resolve, reject) => {
      decoder.once("end", resolve);
      decoder.once("error", reject);
      decoder.end(encoded);
    });
    const charset = repairedCharset(held.node.charset, Buffer.concat(decoded));
    if (charset) {
      held.node.setCharset(charset);
      this.relabelled++;
    }
    this.push(held.node);
    for (const chunk of held.chunks) this.push(chunk);
  }

  override _transform(chunk: SplitterChunk, _encoding: BufferEncoding, done: TransformCallback): void {
    // RFC 2046 §5.1.5: in a multipart/digest a part without a Content-Type is a message/rfc822, not text/plain.
    if (chunk.type === "node" && isUntypedDigestPart(chunk)) {
      chunk.setContentType("message/rfc822");
      this.relabelled++;
      this.release().then(() => {
        this.push(chunk);
        done();
      }, done);
      return;
    }
    if (chunk.type === "body" && this.held) {
      this.held.chunks.push(chunk);
      done();
      return;
    }
    this.release().then(() => {
      if (chunk.type === "node" && isTextLeaf(chunk)) this.held = { node: chunk, chunks: [] };
      else this.push(chunk);
      done();
    }, done);
  }

  override _flush(done: TransformCallback): void {
    this.release().then(() => done(), done);
  }
}

/**
 * The message with its text parts relabelled where their bytes do not fit their label, and the untyped parts of a
 * digest typed as messages; the same bytes when there was nothing to change.
 */
export async function relabelTextParts(raw: Buffer): Promise<Buffer> {
  const out: Buffer[] = [];
  const relabel = new Relabel();
  const joiner = new Joiner();
  joiner.on("data", (b: Buffer) => out.push(b));
  await pipeline(Readable.from([raw]), new Splitter(), relabel, joiner);
  return relabel.relabelled ? Buffer.concat(out) : raw;
}
