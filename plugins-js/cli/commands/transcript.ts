/** `e2c transcript parse [FILE|-] [--json]` and `e2c transcript write HANDOFF.json` (PRODUCT.md §6). */
import { parseTranscript, type ParsedTranscript } from "../../../core/transcript";
import { validateHandoff } from "../../../core/transcript/handoff";
import type { Handoff } from "../../../core/transcript/types";
import {
  composeTranscript,
  DEFAULT_DESCRIPTION_MAX_LENGTH,
  LONGEST_TEXT_COLUMN,
  MaxLengthTooSmallError,
} from "../../../core/transcript/write";
import { commandArgs, wholeNumberOption } from "../args";
import { InputError, readJson, readText, type CliIO } from "../io";

export const TRANSCRIPT_USAGE = `Usage:
  e2c transcript parse [FILE|-] [--json]     read a case description (file or standard input)
  e2c transcript write HANDOFF.json [--max-length N | --full]
                                             print the description the connector would write
`;

export function transcriptCommand(io: CliIO, args: string[]): number {
  const [sub, ...rest] = args;
  if (sub === "parse") return parse(io, rest);
  if (sub === "write") return write(io, rest);
  if (sub === undefined || sub === "--help" || sub === "-h") {
    io.stdout(TRANSCRIPT_USAGE);
    return sub === undefined ? 2 : 0;
  }
  throw new InputError("", [
    { field: "(root)", message: `unknown subcommand "transcript ${sub}"; use parse or write` },
  ]);
}

function parse(io: CliIO, args: string[]): number {
  const options = commandArgs(io, "transcript parse", args, TRANSCRIPT_USAGE);
  if (!options) return 0;
  const { text } = readText(io, options.file);
  const parsed = parseTranscript(text);
  io.stdout(options.json ? `${JSON.stringify(parsed, null, 2)}\n` : summarize(parsed));
  return 0;
}

function summarize(t: ParsedTranscript): string {
  const lines: string[] = [];
  lines.push(`Format: ${t.format}`);
  if (t.format === "raw") {
    lines.push("Not a transcript: the description is plain text.", `Characters: ${t.text?.length ?? 0}`);
    return `${lines.join("\n")}\n`;
  }
  const h = t.header;
  const row = (label: string, value: string | undefined): void => {
    if (value) lines.push(`${label}: ${value}`);
  };
  row("Channel", h.channel);
  row("Classification", h.classification);
  row("Sentiment", h.sentiment);
  if (h.customer)
    row("Customer", [h.customer.name, h.customer.email && `<${h.customer.email}>`].filter(Boolean).join(" "));
  row("Session", h.session);
  row("Handoff-Id", h.handoffId);
  row("Summary", h.summary);
  for (const [key, value] of h.extra) lines.push(`${key || "(line)"}: ${value}`);
  const total = t.totalMessages ?? "unknown";
  lines.push(
    t.truncated
      ? `Messages: ${t.messages.length} shown of ${total} (truncated: the full transcript is in the note "Handoff transcript")`
      : `Messages: ${t.messages.length}`,
  );
  t.messages.forEach((m, i) => {
    const who = m.sender.name ?? m.sender.email ?? "(unknown sender)";
    const quoted = m.quoted.reduce((n, q) => n + (q.end - q.start), 0);
    const firstLine = m.body.split("\n").find((l) => l.trim() !== "") ?? "";
    lines.push(
      `  ${i + 1}. ${m.timestamp ?? "(no time)"}  ${who} (${m.role})${m.subject ? `  "${m.subject}"` : ""}`,
      `     ${firstLine.length > 70 ? `${firstLine.slice(0, 69)}…` : firstLine}${quoted > 0 ? `  [${quoted} quoted characters]` : ""}`,
    );
  });
  return `${lines.join("\n")}\n`;
}

function write(io: CliIO, args: string[]): number {
  const options = commandArgs(io, "transcript write", args, TRANSCRIPT_USAGE, {
    "max-length": { type: "string" },
    full: { type: "boolean" },
  });
  if (!options) return 0;
  const { values } = options;
  const asked = wholeNumberOption(values, "max-length", {
    min: 1,
    max: LONGEST_TEXT_COLUMN,
    what: "a number of characters",
  });
  const maxLength = values.full ? null : (asked ?? DEFAULT_DESCRIPTION_MAX_LENGTH);
  const { name, value } = readJson(io, options.file, "handoff");
  const problems = validateHandoff(value);
  if (problems.length > 0) throw new InputError(name, problems);
  let composed;
  try {
    composed = composeTranscript(value as Handoff, { maxLength });
  } catch (error) {
    if (error instanceof MaxLengthTooSmallError) {
      throw new InputError("", [
        {
          field: "--max-length",
          message: `must be at least ${error.needed} for this handoff, whose transcript header alone is ${error.needed} characters, not "${error.maxLength}"`,
        },
      ]);
    }
    throw error;
  }
  io.stdout(`${composed.text}\n`);
  if (composed.truncated) {
    io.stderr(
      `e2c: the transcript is ${composed.full.length} characters; the description holds ${composed.shownMessages} of ${composed.totalMessages} messages and the connector puts the full transcript in the note "Handoff transcript".\n`,
    );
  }
  return 0;
}
