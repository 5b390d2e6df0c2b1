/** `e2c handoff HANDOFF.json|THREAD.eml… [--config F] [--dry-run] [--json]` (PRODUCT.md §6, §8). */
import { explainDataverseFault, type Explanation } from "../../../core/connector/explain-error";
import type { InputProblem } from "../../../core/transcript/handoff";
import {
  HandoffConnector,
  HandoffInputError,
  messageOf,
  NothingWrittenAfterLostAnswer,
  OutcomeUnknownError,
  SettingsInputError,
  type HandoffResult,
} from "../../connector/connector";
import { handoffFromMail, inMailTerms } from "../../connector/mail-input";
import { DataverseError } from "../../dataverse/errors";
import { commandArgs } from "../args";
import { connectorSettings } from "../config";
import { DataverseifyWebApi } from "../../dataverse/web-api";
import { loadConfig, transportFor } from "../environment";
import { environmentFailure, EXIT_ENVIRONMENT } from "../environment-failure";
import { InputError, readJson, type CliIO } from "../io";

export const HANDOFF_USAGE = `Usage:
  e2c handoff HANDOFF.json|THREAD.eml|THREAD.mbox... [--config FILE] [--url URL] [--dry-run] [--json]
              [--classification TEXT] [--sentiment LABEL] [--handoff-id ID]
                                        create the case for each handoff (contact by email, transcript, queue,
                                        notes) in the environment of e2c.config.json; --dry-run writes nothing
                                        exit 0 created or already there; 1 refused by Dataverse; 2 invalid input
                                        (handoff or config); 3 environment unreachable, unavailable or sign-in
                                        failed, or the outcome unknown
`;

const MAIL_RE = /\.(eml|mbox|mbx)$/i;

/**
 * The largest handoff file read, checked before reading or parsing it: room for six attachments at Dataverse's
 * default maximum file size (5 MB, 6.7 MB once base64-encoded) and the conversation; larger files would only be
 * refused by Dataverse later, after costing many times their size in memory.
 */
export const HANDOFF_FILE_MAX_BYTES = 40 * 1024 * 1024;

const FORMAT_HINT = 'Nothing was written. The handoff format is in docs/connector.md under "Input".';
const CONFIG_HINT =
  'Nothing was written. The settings are described in the README under "Configuration: e2c.config.json".';

function tooBig(file: string, bytes: number): InputError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new InputError(file, [
    {
      field: "(root)",
      message: `is ${mb(bytes)}; a handoff file may be at most ${mb(HANDOFF_FILE_MAX_BYTES)} (docs/connector.md under "Input"): send large attachments as links in the session instead`,
    },
  ]);
}

/**
 * The CLI's files, with `file` refused by its size before it is read (when the size is known) and before it is
 * parsed. A file that cannot be read is left to the reader, whose message says why.
 */
function readBounded(io: CliIO, file: string): CliIO {
  if (file !== "-" && io.fileSize) {
    let size: number | null = null;
    try {
      size = io.fileSize(file);
    } catch {
      // Unreadable: the reader says why.
    }
    if (size !== null && size > HANDOFF_FILE_MAX_BYTES) throw tooBig(file, size);
  }
  let bytes: Buffer;
  try {
    bytes = file === "-" ? io.readStdin() : io.readFile(file);
  } catch {
    return io;
  }
  if (bytes.length > HANDOFF_FILE_MAX_BYTES) throw tooBig(file, bytes.length);
  return { ...io, readFile: (path) => (path === file ? bytes : io.readFile(path)), readStdin: () => bytes };
}

/** For an email thread, the handoff's fields are the command's options. */
async function readHandoff(
  io: CliIO,
  file: string,
  values: Record<string, string | boolean | undefined>,
): Promise<{ input: unknown; warnings: string[] }> {
  const bounded = readBounded(io, file);
  if (!MAIL_RE.test(file)) return { input: readJson(bounded, file, "handoff").value, warnings: [] };
  let raw: Buffer;
  try {
    raw = file === "-" ? bounded.readStdin() : bounded.readFile(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, [{ field: "(root)", message: "no such file: check the path" }]);
  }
  const options: { classification?: string; sentiment?: string; handoffId?: string } = {};
  if (typeof values.classification === "string") options.classification = values.classification;
  if (typeof values.sentiment === "string") options.sentiment = values.sentiment;
  if (typeof values["handoff-id"] === "string") options.handoffId = values["handoff-id"];
  const { handoff, problems, warnings } = await handoffFromMail(raw, options);
  if (problems.length) throw new InputError(file, problems);
  return { input: handoff, warnings };
}

function summary(file: string, r: HandoffResult): string {
  const lines: string[] = [];
  const ticket = r.ticketNumber ? `${r.ticketNumber} ` : "";
  if (r.status === "created") lines.push(`${file}: created case ${ticket}(incident ${r.incidentId})`);
  else if (r.status === "already-there")
    lines.push(`${file}: already there: case ${ticket}(incident ${r.incidentId}); nothing written`);
  else lines.push(`${file}: dry run, nothing written; would create "${r.plan?.title}"`);
  if (r.contact.outcome !== "none") lines.push(`  contact: ${r.contact.outcome} ${r.contact.id}`);
  else if (r.status !== "already-there") lines.push("  contact: none (the case's customer is default_customer_id)");
  if (r.queueItemId) lines.push(`  queue item: ${r.queueItemId}`);
  if (r.plan) {
    for (const note of r.plan.notes) {
      lines.push(`  note: ${note.subject}${note.filename ? ` (file ${note.filename}, ${note.bytes} bytes)` : ""}`);
    }
    lines.push(
      `  writes, in one change set: ${r.plan.operations.map((o) => (o.table ? `${o.kind} ${o.table}` : o.kind)).join(", ")}`,
    );
  } else for (const note of r.notes) lines.push(`  note: ${note.subject} (${note.id})`);
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return `${lines.join("\n")}\n`;
}

/** How one handoff failed: what to print, what `--json` says, and the exit code. */
interface Failure {
  exit: number;
  lines: string[];
  json: Record<string, unknown>;
  /** The environment failed: the handoffs after this one are not sent. */
  stop?: boolean;
}

const NOTHING_WRITTEN = "Nothing was written.";
const NOTHING_WRITTEN_CHECKED =
  "Nothing was written: the answer to the write was lost, and a look-up by handoff id found no case.";

function failureOf(error: unknown, file: string, configFile: string, environmentUrl: string): Failure | null {
  const checked = error instanceof NothingWrittenAfterLostAnswer;
  const cause = checked ? error.cause : error;
  const nothing = checked ? NOTHING_WRITTEN_CHECKED : NOTHING_WRITTEN;
  const at = file ? `${file}: ` : "";
  if (error instanceof OutcomeUnknownError) {
    const lookup = environmentFailure(error.cause, environmentUrl, configFile);
    return {
      exit: EXIT_ENVIRONMENT,
      stop: true,
      lines: [
        `${at}Dataverse's answer to the write was lost (${messageOf(error.writeError)}), and the look-up that would tell failed (${lookup?.message ?? messageOf(error.cause)}): whether the case was written is unknown.`,
        "  what to do: send the handoff again once the environment answers; that is safe, one handoff never makes two cases.",
      ],
      json: { status: "unknown", written: "unknown", error: { message: error.message } },
    };
  }
  const environment = environmentFailure(cause, environmentUrl, configFile);
  if (environment) {
    return {
      exit: EXIT_ENVIRONMENT,
      stop: true,
      lines: [`${at}${environment.message}.`, `  what to do: ${environment.todo}.`, `  ${nothing}`],
      json: {
        status: environment.status,
        written: "nothing",
        error: { message: messageOf(cause) },
        explanation: { summary: environment.message, recommendation: environment.todo },
      },
    };
  }
  if (cause instanceof DataverseError) {
    const why: Explanation = explainDataverseFault(cause);
    return {
      exit: 1,
      lines: [
        `${at}Dataverse refused the handoff (${cause.status}${cause.code ? ` ${cause.code}` : ""}): ${why.summary}`,
        `  what to do: ${why.recommendation}`,
        `  Dataverse said: ${cause.message}`,
        `  ${nothing}`,
      ],
      json: {
        status: "refused",
        written: "nothing",
        error: { status: cause.status, code: cause.code, message: cause.message },
        explanation: why,
      },
    };
  }
  return null;
}

function invalid(file: string, error: HandoffInputError | InputError): InputError {
  if (error instanceof InputError) return error;
  const problems: InputProblem[] = MAIL_RE.test(file) ? error.problems.map(inMailTerms) : error.problems;
  return new InputError(file, problems, FORMAT_HINT);
}

export async function handoffCommand(io: CliIO, args: string[]): Promise<number> {
  const options = commandArgs(io, "handoff", args, HANDOFF_USAGE, {
    config: { type: "string" },
    "dry-run": { type: "boolean" },
    classification: { type: "string" },
    sentiment: { type: "string" },
    "handoff-id": { type: "string" },
  });
  if (!options) return 0;
  const files = options.files;
  if (files.length === 0)
    throw new InputError("", [{ field: "(root)", message: "name the handoff file (.json, .eml or .mbox) to send" }]);
  const { name: configFile, config } = loadConfig(io, options.values);
  const transport = transportFor(io, config, "connector");
  const api = new DataverseifyWebApi(transport);
  const connector = new HandoffConnector(api, connectorSettings(config));
  const dryRun = options.values["dry-run"] === true;
  const results: unknown[] = [];
  let exit = 0;
  const print = (lines: string[]) => io.stderr(`${lines.map((l) => `e2c: ${l}`).join("\n")}\n`);
  try {
    for (const [n, file] of files.entries()) {
      if (files.length > 1) io.stderr(`e2c: handoff ${n + 1} of ${files.length}: ${file}\n`);
      try {
        if (n === 0) {
          // The settings are the config file's: checked against the environment once, before any handoff.
          const problems = await connector.settingsProblems();
          if (problems.length) throw new SettingsInputError(problems);
        }
        const { input, warnings } = await readHandoff(io, file, options.values);
        const result = await connector.deliver(input, { dryRun });
        result.warnings.unshift(...warnings);
        results.push({ file, ...result });
        if (!options.json) io.stdout(summary(file, result));
      } catch (error) {
        if (error instanceof SettingsInputError) throw new InputError(configFile, error.problems, CONFIG_HINT);
        if (error instanceof HandoffInputError || error instanceof InputError) {
          const e = invalid(file, error);
          if (files.length === 1 && !options.json) throw e;
          print(e.message.split("\n"));
          results.push({ file, status: "invalid", written: "nothing", problems: e.problems });
          exit = Math.max(exit, 2);
          continue;
        }
        const failure = failureOf(error, file, configFile, config.environmentUrl);
        if (!failure) throw error;
        print(failure.lines);
        results.push({ file, ...failure.json });
        exit = Math.max(exit, failure.exit);
        if (failure.stop && n + 1 < files.length) {
          const rest = files.slice(n + 1);
          print([`not sent, as the environment failed: ${rest.join(", ")}`]);
          for (const f of rest) results.push({ file: f, status: "not-sent", written: "nothing" });
          break;
        }
      }
    }
  } finally {
    transport.close();
  }
  if (options.json) io.stdout(`${JSON.stringify(files.length === 1 ? results[0] : results, null, 2)}\n`);
  return exit;
}
