/**
 * A `convertrule` record as the Web API or a form gives it — logical names, research domain.md §1 — read as the
 * toolkit's `ArcRule`. The rule form script, `e2c doctor` and `e2c arc validate` all read rules this way.
 */
import { z } from "zod";
import { ruleFromColumns, type RuleOwner } from "./convertrule-columns";
import { ruleSchema, type ArcRule, type ParseResult, problemsOf, type RuleItem } from "./scenario";

const guid = z.string().min(1);

/** The columns the rules read. A Web API record has many more; they are ignored. */
const convertRuleColumns = z.object({
  convertruleid: guid.optional(),
  name: z.string().nullable().optional(),
  queueid: guid.nullable().optional(),
  _queueid_value: guid.nullable().optional(),
  // statecode: 0 Draft, 1 Active.
  statecode: z.union([z.literal(0), z.literal(1)], { error: "must be 0 (Draft) or 1 (Active)" }).optional(),
  allowunknownsender: z.boolean().nullable().optional(),
  // senderresolutionoption: 0 create a contact automatically, 1 map in Power Automate.
  senderresolutionoption: z
    .union([z.literal(0), z.literal(1)], {
      error: "must be 0 (create a contact automatically) or 1 (map in Power Automate manually)",
    })
    .nullable()
    .optional(),
  checkactiveentitlement: z.boolean().nullable().optional(),
  checkifresolved: z.boolean().nullable().optional(),
  resolvedsince: z.number().int().nullable().optional(),
  sendautomaticresponse: z.boolean().nullable().optional(),
  responsetemplateid: guid.nullable().optional(),
  _responsetemplateid_value: guid.nullable().optional(),
});

/** Logical names the scenario's rule shape does not also use (it has `name` too). */
const DISTINCT_LOGICAL_NAMES = Object.keys(convertRuleColumns.shape).filter((name) => name !== "name");

/** Whether a JSON object is a convertrule record (any of its logical names) rather than the scenario's shape. */
export function isConvertRuleRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && DISTINCT_LOGICAL_NAMES.some((name) => name in value);
}

export type { RuleOwner } from "./convertrule-columns";

export function ruleFromConvertRule(
  record: unknown,
  items: RuleItem[] = [],
  owner: RuleOwner = {},
): ParseResult<ArcRule> {
  const columns = convertRuleColumns.safeParse(record, { reportInput: true });
  if (!columns.success) return { ok: false, problems: problemsOf(columns.error) };
  // Items and ids still go through the rule schema: a file's items are untrusted input too.
  const rule = ruleSchema.safeParse(ruleFromColumns(columns.data, items, owner), { reportInput: true });
  return rule.success ? { ok: true, value: rule.data } : { ok: false, problems: problemsOf(rule.error) };
}
