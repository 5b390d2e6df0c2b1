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

/** A mark as Babel attached it, read once. */
interface Mark {
  line: number;
  endLine: number;
  text: string;
  kind: string | undefined;
  nextLine: boolean;
  mutators: string[];
  read: boolean;
}

function restoredLater(disable: Mark, later: readonly Mark[]): boolean {
  return later.some(
    (mark) =>
      mark.kind === "restore" &&
      !mark.nextLine &&
      mark.read &&
      (mark.mutators.includes("all") || disable.mutators.every((name) => mark.mutators.includes(name))),
  );
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
  const marks = ((file.comments ?? []) as (Located & { value: string })[])
    .filter((comment) => MARK.test(comment.value))
    .map((comment): Mark => {
      const text = comment.value.trim();
      const [, kind, nextLine, mutators] = DIRECTIVE.exec(text) ?? [];
      return {
        line: comment.loc!.start.line,
        endLine: comment.loc!.end.line,
        text,
        kind,
        nextLine: nextLine !== undefined,
        mutators: (mutators ?? "").split(","),
        read: read.has(comment.start),
      };
    });
  const unread: UnreadMark[] = [];
  marks.forEach((mark, i) => {
    const { line, text } = mark;
    if (!mark.read) {
      unread.push({ line, text, why: "not before a node: Stryker never reads it" });
    } else if (mark.nextLine && (lines[mark.endLine] ?? "").trim() === "") {
      unread.push({ line, text, why: "the next line holds no code" });
    } else if (mark.kind === "disable" && !mark.nextLine && !restoredLater(mark, marks.slice(i + 1))) {
      unread.push({ line, text, why: "no restore follows: it disables to the end of the file" });
    }
  });
  return unread;
}
