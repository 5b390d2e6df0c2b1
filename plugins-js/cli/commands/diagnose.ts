/** `e2c diagnose SCENARIO.json [--json]` (PRODUCT.md §6, diagnose-scenario.md). */
import { diagnose, STAGE_TITLES, type Diagnosis } from "../../../core/email-to-case/diagnose";
import { citation } from "../../../core/email-to-case/sources";
import { parseScenario, type Scenario } from "../../../core/email-to-case/scenario";
import { commandArgs } from "../args";
import { InputError, readJson, type CliIO } from "../io";

export const DIAGNOSE_USAGE = `Usage:
  e2c diagnose SCENARIO.json [--json]   walk one incoming email through mailbox sync, tracking, queue item
                                        and record creation rule, and say where and why it stops
`;

export function diagnoseCommand(io: CliIO, args: string[]): number {
  const options = commandArgs(io, "diagnose", args, DIAGNOSE_USAGE);
  if (!options) return 0;
  const { name, value } = readJson(io, options.file, "scenario");
  const parsed = parseScenario(value);
  if (!parsed.ok) {
    throw new InputError(name, parsed.problems, "The scenario format is described in docs/scenario-format.md.");
  }
  const result = diagnose(parsed.value);
  io.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatDiagnosis(parsed.value, result));
  return 0;
}

const MARKS = { passed: "ok  ", stopped: "STOP", failed: "FAIL", "not-reached": " -- " } as const;

export function formatDiagnosis(scenario: Scenario, d: Diagnosis): string {
  const e = scenario.email;
  const out: string[] = [];
  out.push(
    `Email ${e.subject ? `"${e.subject}" ` : ""}from ${e.from ?? "(no sender)"} to ${[...e.to, ...e.cc].join(", ") || "(no To/Cc)"}${e.bcc.length ? ` (Bcc ${e.bcc.join(", ")})` : ""}`,
  );
  out.push("");
  for (const s of d.stages) {
    out.push(`  [${MARKS[s.status]}] ${STAGE_TITLES[s.stage]}: ${s.status}`);
    if (s.reason) {
      const code =
        s.reason.activityMonitorReason !== null ? ` (Activity monitor reason ${s.reason.activityMonitorReason})` : "";
      out.push(`         ${s.reason.id}${code}: ${s.reason.label}`);
    }
    if (s.recommendation) out.push(`         What to do: ${s.recommendation}`);
    if (s.reason) out.push(`         Microsoft's article: ${citation(s.reason.source)}`);
    for (const a of s.assumptions) out.push(`         Assumption: ${a}`);
  }
  out.push("");
  out.push(`Verdict: ${d.verdict.summary}`);
  const fx = d.effects;
  if (fx.contactCreated) out.push("A contact is created for the sender.");
  if (fx.recordActivated) out.push("The sender's inactive contact or account is activated.");
  return `${out.join("\n")}\n`;
}
