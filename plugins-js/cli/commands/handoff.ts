/** `e2c handoff HANDOFF.json|THREAD.eml… [--config F] [--dry-run] [--json]` (PRODUCT.md §6, §8). */
import { explainDataverseFault } from "../../../core/connector/explain-error";
import { HandoffConnector, HandoffInputError, type HandoffResult } from "../../connector/connector";
import { handoffFromMail } from "../../connector/mail-input";
import { DataverseError } from "../../dataverse/errors";
import { isConnectionFailure } from "../../dataverse/transport";
import { commandArgs } from "../args";
import { connectorSettings } from "../config";
import { DataverseifyWebApi } from "../../dataverse/web-api";
import { loadConfig, transportFor } from "../environment";
import { InputError, readJson, type CliIO } from "../io";

export const HANDOFF_USAGE = `Usage:
  e2c handoff HANDOFF.json|THREAD.eml|THREAD.mbox... [--config FILE] [--url URL] [--dry-run] [--json]
              [--classification TEXT] [--sentiment LABEL] [--handoff-id ID]
                                        create the case for each handoff (contact by email, transcript, queue,
                                        notes) in the environment of e2c.config.json; --dry-run writes nothing
                                        exit 0 created or already there; 1 refused by Dataverse; 2 invalid input
`;

const MAIL_RE = /\.(eml|mbox|mbx)$/i;

async function readHandoff(
  io: CliIO,
  file: string,
  values: Record<string, string | boolean | undefined>,
): Promise<unknown> {
  if (!MAIL_RE.test(file)) return readJson(io, file, "handoff").value;
  let raw: Buffer;
  try {
    raw = file === "-" ? io.readStdin() : io.readFile(file);
  } catch {
    throw new InputError(file, [{ field: "(root)", message: "no such file: check the path" }]);
  }
  const options: { classification?: string; sentiment?: string; handoffId?: string } = {};
  if (typeof values.classification === "string") options.classification = values.classification;
  if (typeof values.sentiment === "string") options.sentiment = values.sentiment;
  if (typeof values["handoff-id"] === "string") options.handoffId = values["handoff-id"];
  const { handoff, problems } = await handoffFromMail(raw, options);
  if (problems.length) throw new InputError(file, problems);
  return handoff;
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
  for (const note of r.notes) lines.push(`  note: ${note.subject}${r.status === "dry-run" ? "" : ` (${note.id})`}`);
  if (r.plan)
    lines.push(
      `  writes, in one change set: ${r.plan.operations.map((o) => (o.table ? `${o.kind} ${o.table}` : o.kind)).join(", ")}`,
    );
  for (const w of r.warnings) lines.push(`  warning: ${w}`);
  return `${lines.join("\n")}\n`;
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
  const { config } = loadConfig(io, options.values);
  const transport = transportFor(io, config, "connector");
  const api = new DataverseifyWebApi(transport);
  const connector = new HandoffConnector(api, connectorSettings(config));
  const dryRun = options.values["dry-run"] === true;
  const results: unknown[] = [];
  let exit = 0;
  try {
    for (const [n, file] of files.entries()) {
      if (files.length > 1) io.stderr(`e2c: handoff ${n + 1} of ${files.length}: ${file}\n`);
      try {
        const input = await readHandoff(io, file, options.values);
        const result = await connector.deliver(input, { dryRun });
        results.push({ file, ...result });
        if (!options.json) io.stdout(summary(file, result));
      } catch (error) {
        if (error instanceof HandoffInputError || error instanceof InputError) {
          const e =
            error instanceof InputError
              ? error
              : new InputError(
                  file,
                  error.problems,
                  'Nothing was written. The handoff format is in docs/connector.md under "Input".',
                );
          if (files.length === 1 && !options.json) throw e;
          io.stderr(
            `${e.message
              .split("\n")
              .map((l) => `e2c: ${l}`)
              .join("\n")}\n`,
          );
          results.push({ file, status: "invalid", problems: e.problems });
          exit = Math.max(exit, 2);
        } else if (error instanceof DataverseError) {
          const why = explainDataverseFault(error);
          io.stderr(
            `e2c: ${file}: Dataverse refused the handoff (${error.status}${error.code ? ` ${error.code}` : ""}): ${why.summary}\n` +
              `e2c:   what to do: ${why.recommendation}\ne2c:   Dataverse said: ${error.message}\ne2c:   Nothing was written.\n`,
          );
          results.push({
            file,
            status: "refused",
            error: { status: error.status, code: error.code, message: error.message },
            explanation: why,
          });
          exit = Math.max(exit, 1);
        } else if (isConnectionFailure(error)) {
          io.stderr(
            `e2c: ${file}: could not reach ${config.environmentUrl} (${(error as Error).message}); nothing was written.\n`,
          );
          results.push({ file, status: "unreachable", error: { message: (error as Error).message } });
          exit = Math.max(exit, 1);
        } else throw error;
      }
    }
  } finally {
    transport.close();
  }
  if (options.json) io.stdout(`${JSON.stringify(files.length === 1 ? results[0] : results, null, 2)}\n`);
  return exit;
}
