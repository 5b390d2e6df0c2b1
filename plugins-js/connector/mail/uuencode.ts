/**
 * uuencoded files inside a text body (`begin 644 name` … `end`), as old Outlook and Unix mailers sent attachments
 * before MIME (POSIX `uuencode`, https://pubs.opengroup.org/onlinepubs/9799919799/utilities/uuencode.html).
 * Each block becomes a file and a one-line mention in the text, instead of kilobytes of garbage.
 */

export interface UuencodedFile {
  filename: string;
  content: Buffer;
}

const BLOCK_RE = /^begin [0-7]{3,4} ([^\r\n]+)\r?\n([\s\S]*?)^end[ \t]*$/gm;

/** One encoded line: its first character gives the byte count, then each 4 characters carry 3 bytes. */
function decodeLine(line: string, out: number[]): boolean {
  if (line === "") return true;
  const count = (line.charCodeAt(0) - 32) & 63;
  if (count === 0) return true;
  const need = Math.ceil(count / 3) * 4;
  if (line.length - 1 < need - 1) return false;
  const six = (i: number): number => ((line.charCodeAt(1 + i) || 32) - 32) & 63;
  let written = 0;
  for (let i = 0; written < count; i += 4) {
    const [a, b, c, d] = [six(i), six(i + 1), six(i + 2), six(i + 3)];
    for (const byte of [(a << 2) | (b >> 4), ((b & 15) << 4) | (c >> 2), ((c & 3) << 6) | d]) {
      if (written < count) out.push(byte & 255);
      written++;
    }
  }
  return true;
}

/** The text without its uuencoded blocks (each replaced by `[attachment: name]`) and the decoded files. */
export function extractUuencoded(text: string): { text: string; files: UuencodedFile[] } {
  if (!text.includes("begin ")) return { text, files: [] };
  const files: UuencodedFile[] = [];
  const rest = text.replace(BLOCK_RE, (whole, name: string, data: string) => {
    const bytes: number[] = [];
    for (const line of data.split(/\r?\n/)) {
      if (!decodeLine(line.trimEnd(), bytes)) return whole;
    }
    const filename = name.trim().split(/[\\/]/).pop() || "file";
    files.push({ filename, content: Buffer.from(bytes) });
    return `[attachment: ${filename}]`;
  });
  return { text: rest, files };
}
