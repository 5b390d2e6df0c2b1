/** `e2c doctor [--config F] [--json] [--emails N]` (PRODUCT.md §6): exit 0 healthy, 1 findings, 3 environment. */
import { WebApiBase } from "dataverse-ify/lib/webapi/WebApiBase";
import { citation } from "../../../core/email-to-case/sources";
import type { RecordReader } from "../../../core/email-to-case/environment-records";
import { runDoctor, type DoctorProgress, type DoctorReport } from "../../doctor/doctor";
import { commandArgs, wholeNumberOption } from "../args";
import { loadConfig, transportFor } from "../environment";
import { environmentFailure, EXIT_ENVIRONMENT } from "../environment-failure";
import type { CliIO } from "../io";
import { terminalProgressBar } from "../progress-bar";

export const DOCTOR_USAGE = `Usage:
  e2c doctor [--config FILE] [--url URL] [--json] [--emails N]
                                        read the environment's ARC rules, queues, mailboxes and its last N
                                        incoming emails (default 50, or doctor.recentEmails), and say why each
                                        email did or did not become a case; exit 0 healthy, 1 findings or a
                                        read refused; 2 invalid input; 3 environment unreachable, unavailable or
                                        sign-in failed
`;

function progressFor(io: CliIO): DoctorProgress {
  if (io.stderrIsTTY) {
    const bar = terminalProgressBar("e2c doctor [{bar}] {value}/{total} {step}");
    return {
      step: (label, done, total) => {
        bar.update(done, total, label);
        if (done >= total) bar.stop();
      },
    };
  }
  let last = "";
  return {
    step: (label) => {
      // Without a terminal, one line per read, not per email.
      if (label.startsWith("diagnosing") || label === "done" || label === last) return;
      last = label;
      io.stderr(`e2c doctor: reading ${label}…\n`);
    },
  };
}

/** dataverse-ify's WebApiBase throws the Dataverse error body with its message prefixed. */
function readerError(error: unknown): { message: string } {
  const e = error as { message?: string };
  return { message: (e.message ?? String(error)).replace(/^Exception in \w+:/, "") };
}

const PRIVILEGE_RE = /missing (prv[A-Za-z]+) privilege/;

/** What the admin running the doctor can do about a refused read (the doctor writes nothing). */
function doctorAdvice(message: string): string {
  const privilege = PRIVILEGE_RE.exec(message)?.[1];
  if (privilege) {
    return `give the doctor's user (doctor.auth, or auth) a role with ${privilege}, or run the doctor as an admin (see the README under "Least privilege for the connector's application user")`;
  }
  return "check what Dataverse said; the doctor reads rules, queues, mailboxes, users, email, contacts, accounts, entitlements and cases with doctor.auth (or auth)";
}

const MARK = { error: "ERROR  ", warning: "WARNING", info: "NOTE   " } as const;

export function formatReport(report: DoctorReport): string {
  const out: string[] = [`Email-to-case health of ${report.environmentUrl}`, ""];
  const h = report.health;
  out.push(
    `Configuration: ${h.rules.length} record creation rules; ${h.counts.error} errors, ${h.counts.warning} warnings, ${h.counts.info} notes`,
  );
  for (const f of h.findings) {
    out.push(`  ${MARK[f.severity]} ${f.about.kind} "${f.about.name}": ${f.message}`);
    out.push(`          What to do: ${f.recommendation}`);
    if (f.source) out.push(`          Microsoft's article: ${citation(f.source)}`);
  }
  out.push("", `Recent incoming email: ${report.emails.length}`);
  for (const e of report.emails) {
    out.push(`  "${e.subject}" from ${e.from ?? "(no sender)"}${e.receivedAt ? ` at ${e.receivedAt}` : ""}`);
    // What happened (the email's Regarding in the environment), then what today's settings do with such an email.
    out.push(
      e.regardingCase
        ? `      Happened: regarding case ${e.regardingCase.name ?? e.regardingCase.id}.`
        : "      Happened: no case; the email's Regarding is empty.",
    );
    if (e.diagnosis) {
      out.push(`      With today's settings: ${e.diagnosis.verdict.summary}`);
      const stop = e.diagnosis.stages.find((s) => s.status === "stopped" || s.status === "failed");
      if (stop?.recommendation) out.push(`      What to do: ${stop.recommendation}`);
      else if (!e.regardingCase && e.diagnosis.verdict.caseCreated) {
        // Today's settings would make the case, so it was missed when the email came (an earlier setting, a failed run).
        out.push(
          "      What to do: to have the rule process it now, open it in Activities and Add To Queue the rule's queue.",
        );
      }
    } else if (e.problem) out.push(`      Not diagnosed: ${e.problem}`);
  }
  out.push(
    "",
    report.healthy
      ? "Healthy."
      : `Findings: ${h.counts.error} configuration errors, ${report.emailsWithoutCase} emails that would not become a case.`,
  );
  return `${out.join("\n")}\n`;
}

export async function doctorCommand(io: CliIO, args: string[]): Promise<number> {
  const options = commandArgs(io, "doctor", args, DOCTOR_USAGE, {
    config: { type: "string" },
    emails: { type: "string" },
  });
  if (!options) return 0;
  const emails = wholeNumberOption(options.values, "emails", { min: 0, max: 5000, what: "a number of emails" });
  const { name: configFile, config } = loadConfig(io, options.values);
  const recentEmails = emails ?? config.doctor.recentEmails;
  const transport = transportFor(io, config, "doctor");
  const reader: RecordReader = new WebApiBase(transport);
  let report: DoctorReport;
  try {
    report = await runDoctor(reader, transport.server, { recentEmails, progress: progressFor(io) });
  } catch (error) {
    transport.close();
    const authSetting = config.doctor.auth ? "doctor.auth" : "auth";
    const environment = environmentFailure(error, config.environmentUrl, configFile, transport, authSetting);
    if (environment) {
      io.stderr(`e2c: doctor: ${environment.message}.\ne2c:   what to do: ${environment.todo}.\n`);
      return EXIT_ENVIRONMENT;
    }
    const { message } = readerError(error);
    io.stderr(`e2c: doctor: Dataverse refused a read: ${message}\ne2c:   what to do: ${doctorAdvice(message)}\n`);
    return 1;
  }
  transport.close();
  io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.healthy ? 0 : 1;
}
