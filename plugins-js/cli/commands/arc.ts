/** `e2c arc validate RULE.json [--json]` (PRODUCT.md §5.3, §6). */
import { z } from "zod";
import { isConvertRuleRecord, ruleFromConvertRule } from "../../../core/email-to-case/convertrule";
import { outcomeTable, type OutcomeRow } from "../../../core/email-to-case/outcome-table";
import { citation } from "../../../core/email-to-case/sources";
import type { InputProblem } from "../../../core/transcript/handoff";
import { validateRule, type Finding, type RuleContext } from "../../../core/email-to-case/rule-validation";
import {
  problemsOf,
  ruleSchema,
  scenarioSchema,
  type ArcRule,
  type ParseResult,
} from "../../../core/email-to-case/scenario";
import { commandArgs } from "../args";
import { InputError, readJson, type CliIO } from "../io";

export const ARC_USAGE = `Usage:
  e2c arc validate RULE.json [--json]   check a record creation rule and show, for each kind of incoming email,
                                        whether it becomes a case; exit 1 when an error is found

RULE.json is a rule as in the scenario format or a Dataverse convertrule record (logical names such as
allowunknownsender, statecode, _queueid_value), alone or as { "rule": {...}, "queue": {...},
"expectBccOrDistributionGroup": true }.
`;

const queueSchema = scenarioSchema.shape.queues.unwrap().element;
const ruleItemSchema = ruleSchema.shape.items.unwrap().element;
const ruleFileSchema = z.strictObject({
  rule: ruleSchema.extend({ id: z.string().min(1).default("rule") }),
  queue: queueSchema.optional(),
  expectBccOrDistributionGroup: z.boolean().optional(),
});

export interface RuleCheck {
  format: "e2c-rule-check/1";
  rule: { id: string; name: string | null };
  findings: Finding[];
  outcomeTable: OutcomeRow[];
}

/**
 * A rule file's JSON checked: a bare rule, or `{ rule, queue?, expectBccOrDistributionGroup? }`, where the rule is in
 * the scenario's shape or a Dataverse `convertrule` record (logical names, with optional `items`).
 */
export function checkRuleInput(value: unknown): ParseResult<RuleCheck> {
  const wrapped: Record<string, unknown> =
    typeof value === "object" && value !== null && "rule" in value ? { ...value } : { rule: value };
  if (isConvertRuleRecord(wrapped.rule)) {
    const { items, ...columns } = wrapped.rule as Record<string, unknown>;
    const itemsParsed = z.array(ruleItemSchema).default([]).safeParse(items, { reportInput: true });
    if (!itemsParsed.success) return { ok: false, problems: prefixed("rule.items", problemsOf(itemsParsed.error)) };
    const rule = ruleFromConvertRule(columns, itemsParsed.data);
    if (!rule.ok) return { ok: false, problems: prefixed("rule", rule.problems) };
    wrapped.rule = rule.value;
  }
  const parsed = ruleFileSchema.safeParse(wrapped, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const { rule, queue, expectBccOrDistributionGroup } = parsed.data;
  const context: RuleContext = {};
  if (queue) context.queue = queue;
  if (expectBccOrDistributionGroup !== undefined) context.expectBccOrDistributionGroup = expectBccOrDistributionGroup;
  return {
    ok: true,
    value: {
      format: "e2c-rule-check/1",
      rule: { id: rule.id, name: rule.name ?? null },
      findings: validateRule(rule as ArcRule, context),
      outcomeTable: outcomeTable(rule as ArcRule),
    },
  };
}

function prefixed(at: string, problems: InputProblem[]): InputProblem[] {
  return problems.map((p) => ({ ...p, field: p.field === "(root)" ? at : `${at}.${p.field}` }));
}

export function arcCommand(io: CliIO, args: string[]): number {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === "--help" || sub === "-h") {
    io.stdout(ARC_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== "validate") {
    throw new InputError("", [{ field: "(root)", message: `unknown subcommand "arc ${sub}"; use validate` }]);
  }
  const options = commandArgs(io, "arc validate", rest, ARC_USAGE);
  if (!options) return 0;
  const { name, value } = readJson(io, options.file, "rule");
  const result = checkRuleInput(value);
  if (!result.ok) throw new InputError(name, result.problems);
  const check = result.value;
  io.stdout(options.json ? `${JSON.stringify(check, null, 2)}\n` : formatRuleCheck(check));
  return check.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** Severity as the summary line names it: an "info" finding is a note. */
const LABEL = { error: "ERROR  ", warning: "WARNING", info: "NOTE   " } as const;

export function formatRuleCheck(check: RuleCheck): string {
  const out: string[] = [`Rule ${check.rule.name ? `"${check.rule.name}"` : check.rule.id}`, ""];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of check.findings) counts[f.severity]++;
  out.push(`Findings: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} note(s)`);
  for (const f of check.findings) {
    out.push(`  ${LABEL[f.severity]} ${f.id}${f.field ? ` [${f.field}]` : ""}: ${f.message}`);
    out.push(`          What to do: ${f.recommendation}`);
    if (f.source) out.push(`          Microsoft's article: ${citation(f.source)}`);
  }
  out.push("", "What happens to each kind of incoming email:");
  const width = Math.max(...check.outcomeTable.map((r) => r.situation.length));
  for (const r of check.outcomeTable) {
    const effect = [r.contactCreated ? "contact created" : "", r.recordActivated ? "record activated" : ""]
      .filter(Boolean)
      .join(", ");
    const outcome = r.caseCreated
      ? `case created${r.customer ? ` (customer: ${r.customer})` : ""}`
      : `no case: ${r.reason?.id ?? "?"}`;
    out.push(`  ${r.situation.padEnd(width)}  ${outcome}${effect ? `; ${effect}` : ""}`);
  }
  out.push("", "Documented in:");
  for (const doc of new Map(check.outcomeTable.map((r) => [r.source.url, r.source])).values()) {
    out.push(`  ${citation(doc)}`);
  }
  return `${out.join("\n")}\n`;
}
