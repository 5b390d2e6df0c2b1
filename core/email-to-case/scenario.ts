/**
 * The `e2c-scenario/1` input (diagnose-scenario.md): an environment's email-to-case configuration and one
 * incoming email. Every field not required has the Dataverse default the format names; unknown fields are errors.
 */
import { z } from "zod";
import type { InputProblem } from "../transcript/handoff";

const filteringMethod = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const id = z.string().min(1);
const email = z.string();

const mailbox = z.strictObject({
  incomingEmailDeliveryMethod: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).default(2),
  enabledForIncomingEmail: z.boolean().default(true),
  // Dataverse default for a mailbox that has not been tested: 0 Not Run.
  incomingEmailStatus: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
  ownerHasSyncPrivileges: z.boolean().default(true),
});

const DEFAULT_MAILBOX = mailbox.parse({});

const queue = z.strictObject({
  id,
  name: z.string().optional(),
  emailAddress: email.nullable().default(null),
  // queue.incomingemailfilteringmethod defaults to 0 All email messages (domain.md §3).
  incomingEmailFilteringMethod: filteringMethod.default(0),
  mailbox: mailbox.default(DEFAULT_MAILBOX),
});

const user = z.strictObject({
  id,
  name: z.string().optional(),
  emailAddress: email.nullable().default(null),
  // Left undefined when absent: the tracking stage applies the documented default and says so (docs conflict).
  incomingEmailFilteringMethod: filteringMethod.optional(),
  mailbox: mailbox.default(DEFAULT_MAILBOX),
});

const ruleItem = z.strictObject({
  name: z.string().default(""),
  matches: z.union([z.literal("any"), z.literal("none"), z.strictObject({ subjectContains: z.string() })]),
});

export const ruleSchema = z.strictObject({
  id,
  name: z.string().optional(),
  queueId: z.string().nullable().default(null),
  // convertrule.statecode defaults to 0 Draft.
  state: z.enum(["active", "draft"]).default("draft"),
  allowUnknownSender: z.boolean().default(false),
  senderResolution: z.enum(["createContact", "powerAutomate"]).default("createContact"),
  checkActiveEntitlement: z.boolean().default(false),
  checkIfResolved: z.boolean().default(false),
  resolvedSinceMinutes: z.number().int().nullable().default(null),
  sendAutomaticResponse: z.boolean().default(false),
  responseTemplateId: z.string().nullable().default(null),
  ownerCanCreateContacts: z.boolean().default(true),
  ownerEnabled: z.boolean().default(true),
  items: z.array(ruleItem).default([]),
});

const contact = z.strictObject({
  id,
  email: email.nullable().default(null),
  active: z.boolean().default(true),
  parentAccountId: z.string().nullable().default(null),
});
const account = z.strictObject({ id, email: email.nullable().default(null), active: z.boolean().default(true) });
const otherSender = z.strictObject({
  id,
  type: z.string().min(1),
  email: email.nullable().default(null),
  active: z.boolean().default(true),
});
const entitlement = z.strictObject({
  id,
  customerId: id,
  active: z.boolean().default(true),
  contactIds: z.array(z.string()).default([]),
});
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO 8601 date and time");
const caseRecord = z.strictObject({
  id,
  customerId: z.string().nullable().default(null),
  state: z.enum(["active", "resolved", "cancelled"]).default("active"),
  resolvedAt: isoDate.nullable().default(null),
});

const incomingEmail = z.strictObject({
  from: email.nullable().default(null),
  to: z.array(email).default([]),
  cc: z.array(email).default([]),
  bcc: z.array(email).default([]),
  subject: z.string().default(""),
  viaDistributionGroup: z.boolean().default(false),
  folder: z.string().default("Inbox"),
  movedBackToInbox: z.boolean().default(false),
  receivedAt: isoDate.nullable().default(null),
  inReplyToTrackedEmail: z.boolean().default(false),
  relatedCaseId: z.string().nullable().default(null),
  processingFailure: z.enum(["plugin", "privilege"]).nullable().default(null),
});

export const scenarioSchema = z.strictObject({
  format: z.literal("e2c-scenario/1"),
  // organization.emailcorrelationenabled defaults to true (domain.md §3).
  organization: z.strictObject({ emailCorrelationEnabled: z.boolean().default(true) }).default({
    emailCorrelationEnabled: true,
  }),
  queues: z.array(queue).default([]),
  users: z.array(user).default([]),
  rules: z.array(ruleSchema).default([]),
  records: z
    .strictObject({
      contacts: z.array(contact).default([]),
      accounts: z.array(account).default([]),
      otherSenders: z.array(otherSender).default([]),
      entitlements: z.array(entitlement).default([]),
      cases: z.array(caseRecord).default([]),
    })
    .default({ contacts: [], accounts: [], otherSenders: [], entitlements: [], cases: [] }),
  email: incomingEmail,
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type Mailbox = z.infer<typeof mailbox>;
export type Queue = z.infer<typeof queue>;
export type User = z.infer<typeof user>;
export type ArcRule = z.infer<typeof ruleSchema>;
export type RuleItem = z.infer<typeof ruleItem>;
export type Records = Scenario["records"];
export type IncomingEmail = z.infer<typeof incomingEmail>;
export type ContactRecord = z.infer<typeof contact>;
export type AccountRecord = z.infer<typeof account>;
export type CaseRecord = z.infer<typeof caseRecord>;

/** `rules[0].items[1].matches` from zod's path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(root)" : out;
}

const DEFAULT_MESSAGE = /^Invalid (input|option)\b/;

function spoken(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === "string" && /^an? /.test(v) ? v : JSON.stringify(v)));
  return shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} or ${shown.at(-1)}`;
}

/**
 * "must be 0 (Draft) or 1 (Active), not "draft"": a value outside a choice names the values allowed (from the
 * schema's own message where it gives labels, otherwise from the choice), and the value given when zod reports it.
 */
function allowedValues(issue: z.core.$ZodIssue): string {
  let must = issue.message;
  if (DEFAULT_MESSAGE.test(must)) {
    const branches = issue.code === "invalid_union" ? issue.errors.flat() : [issue];
    const values = branches.flatMap((b) =>
      b.code === "invalid_value"
        ? b.values
        : b.code === "invalid_type"
          ? [`${/^[aeiou]/.test(b.expected) ? "an" : "a"} ${b.expected}`]
          : [],
    );
    must = values.length > 0 ? `must be ${spoken(values)}` : "has a value this format does not allow";
  }
  // Only a plain value is repeated back: an object may be long, and a config's object may hold what it should not.
  const given = "input" in issue ? issue.input : undefined;
  const plain = given === null || ["string", "number", "boolean"].includes(typeof given);
  return plain && String(given).length <= 60 ? `${must}, not ${JSON.stringify(given)}` : must;
}

/** zod issues as problems that name the field, including each unknown field by its own path. */
export function problemsOf(error: z.ZodError): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({
          field: formatPath([...issue.path, key]),
          message: "is not a field of this format (check its spelling)",
        });
      }
    } else if (issue.code === "invalid_union" || issue.code === "invalid_value") {
      problems.push({ field: formatPath(issue.path), message: allowedValues(issue) });
    } else {
      problems.push({ field: formatPath(issue.path), message: issue.message.replace(/^Invalid input: /, "") });
    }
  }
  return problems;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

export function parseScenario(input: unknown): ParseResult<Scenario> {
  const result = scenarioSchema.safeParse(input, { reportInput: true });
  if (!result.success) return { ok: false, problems: problemsOf(result.error) };
  const problems = referenceProblems(result.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: result.data };
}

/** Ids that refer to other records must name one that exists. */
function referenceProblems(scenario: Scenario): InputProblem[] {
  const problems: InputProblem[] = [];
  const queueIds = new Set(scenario.queues.map((q) => q.id));
  scenario.rules.forEach((rule, i) => {
    if (rule.queueId !== null && !queueIds.has(rule.queueId)) {
      problems.push({ field: `rules[${i}].queueId`, message: `names queue "${rule.queueId}", which is not in queues` });
    }
  });
  const accountIds = new Set(scenario.records.accounts.map((a) => a.id));
  scenario.records.contacts.forEach((c, i) => {
    if (c.parentAccountId !== null && !accountIds.has(c.parentAccountId)) {
      problems.push({
        field: `records.contacts[${i}].parentAccountId`,
        message: `names account "${c.parentAccountId}", which is not in records.accounts`,
      });
    }
  });
  return problems;
}
