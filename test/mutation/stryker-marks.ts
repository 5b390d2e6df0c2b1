/**
 * Where a `// Stryker disable …` mark takes effect. Stryker reads a mark only as a node's leading comment
 * (@stryker-mutator/instrumenter's DirectiveBookkeeper reads `leadingComments`), so a mark before a closing `}` or
 * `)` belongs to no node that follows it and marks nothing, silently. The source is read with the parser Stryker
 * uses, Babel's, so the comments attach as they do in its run.
 */
import { parse } from "@babel/parser";

const MARK = /^\s*Stryker (disable|restore)\b/;
/** `Stryker disable next-line A,B: reason`: the kind, the scope and the mutators. */
const DIRECTIVE = /^Stryker (disable|restore) (next-line )?([\w,]+)/;

function restoredLater(names: string, later: readonly (Located & { value: string })[], read: Set<number>): boolean {
  const wanted = names.split(",");
  return later.some((comment) => {
    const [, kind, nextLine, restored] = DIRECTIVE.exec(comment.value.trim()) ?? [];
    const list = (restored ?? "").split(",");
    return (
      kind === "restore" &&
      !nextLine &&
      read.has(comment.start) &&
      (list.includes("all") || wanted.every((n) => list.includes(n)))
    );
  });
}

export interface UnreadMark {
  line: number;
  text: string;
  why: string;
}

interface Located {
  start: number;
  loc?: { start: { line: number }; end: { line: number } } | null;
}

function leadingCommentStarts(node: unknown, into: Set<number>): void {
  if (Array.isArray(node)) {
    for (const item of node) leadingCommentStarts(item, into);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  for (const comment of (record.leadingComments as Located[] | undefined) ?? []) into.add(comment.start);
  for (const [key, value] of Object.entries(record)) {
    if (key.endsWith("Comments") || key === "loc" || key === "comments" || key === "tokens") continue;
    if (value !== null && typeof value === "object") leadingCommentStarts(value, into);
  }
}

/** The marks in `source` that Stryker does not read, or that point at a line with no code. */
export function unreadMarks(source: string, fileName: string): UnreadMark[] {
  const file = parse(source, {
    sourceType: "module",
    plugins: fileName.endsWith(".tsx") ? ["typescript", "jsx"] : ["typescript"],
  });
  const read = new Set<number>();
  leadingCommentStarts(file.program, read);
  const lines = source.split("\n");
  const unread: UnreadMark[] = [];
  const marks = ((file.comments ?? []) as (Located & { value: string })[]).filter((c) => MARK.test(c.value));
  marks.forEach((comment, i) => {
    const line = comment.loc!.start.line;
    const text = comment.value.trim();
    const [, kind, nextLine, names] = DIRECTIVE.exec(text) ?? [];
    if (!read.has(comment.start)) {
      unread.push({ line, text, why: "not before a node: Stryker never reads it" });
    } else if (nextLine && (lines[comment.loc!.end.line] ?? "").trim() === "") {
      unread.push({ line, text, why: "the next line holds no code" });
    } else if (kind === "disable" && !nextLine && !restoredLater(names ?? "", marks.slice(i + 1), read)) {
      unread.push({ line, text, why: "no restore follows: it disables to the end of the file" });
    }
  });
  return unread;
}
