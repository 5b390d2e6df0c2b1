/**
 * The email-to-case health check of a whole environment (PRODUCT.md §1, the health page): every ARC rule checked
 * against its queue and the other rules (validateRule, outcomeTable), every queue with an email address checked for
 * the tracking stage (seed 001: mailbox, filtering method), and the organisation's correlation setting (seed 002).
 */
import { FILTERING_METHOD_LABELS } from "./codes";
import { outcomeTable, type OutcomeRow } from "./outcome-table";
import { validateRule, type Finding, type Severity } from "./rule-validation";
import type { ArcRule, Queue } from "./scenario";
import { MICROSOFT_DOCS } from "./sources";
import { mailboxProblem } from "./stages/mailbox-sync";

export interface EmailEnvironment {
  emailCorrelationEnabled: boolean;
  queues: Queue[];
  rules: ArcRule[];
}

/** A finding and what it is about, so the page can name and link it. */
export interface HealthFinding extends Finding {
  about: { kind: "rule" | "queue" | "organization"; id: string | null; name: string };
}

export interface RuleHealth {
  rule: ArcRule;
  queue: Queue | null;
  findings: Finding[];
  outcomeTable: OutcomeRow[];
}

export interface EnvironmentHealth {
  findings: HealthFinding[];
  rules: RuleHealth[];
  counts: Record<Severity, number>;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function checkEnvironment(environment: EmailEnvironment): EnvironmentHealth {
  const findings: HealthFinding[] = [];
  const queueById = new Map(environment.queues.map((q) => [q.id.toLowerCase(), q]));
  const rules = environment.rules.map((rule): RuleHealth => {
    const queue = rule.queueId ? (queueById.get(rule.queueId.toLowerCase()) ?? null) : null;
    const ruleFindings = validateRule(rule, { ...(queue ? { queue } : {}), otherRules: environment.rules });
    const about = { kind: "rule" as const, id: rule.id, name: rule.name ?? rule.id };
    for (const f of ruleFindings) findings.push({ ...f, about });
    return { rule, queue, findings: ruleFindings, outcomeTable: outcomeTable(rule) };
  });

  for (const queue of environment.queues) {
    const about = { kind: "queue" as const, id: queue.id, name: queue.name ?? queue.id };
    const rulesOfQueue = environment.rules.filter((r) => r.queueId?.toLowerCase() === queue.id.toLowerCase());
    if (!queue.emailAddress) continue;
    if (!rulesOfQueue.some((r) => r.state === "active")) {
      findings.push({
        id: "queue-without-active-rule",
        source: MICROSOFT_DOCS.emailNotConverted,
        severity: "info",
        message: `Queue "${about.name}" (${queue.emailAddress}) has no active record creation rule, so email to it never becomes a case.`,
        recommendation: "Create and activate a rule for the queue if its email should open cases.",
        about,
      });
    }
    // A queue that a rule watches has its mailbox and filtering findings reported with that rule, once.
    if (rulesOfQueue.length > 0) continue;
    const problem = mailboxProblem(queue.mailbox);
    if (problem) {
      findings.push({
        id: problem === "mailbox-not-syncing" ? "queue-mailbox-not-syncing" : "queue-mailbox-test-failed",
        source: MICROSOFT_DOCS.emailsNotTracked,
        severity: "warning",
        message: `The mailbox of queue "${about.name}" ${problem === "mailbox-not-syncing" ? "does not receive email by server-side synchronization" : "has not passed Test & Enable"}.`,
        recommendation: "Open the mailbox, read its Alerts and run Test & Enable Mailbox.",
        about,
      });
    }
    if (queue.incomingEmailFilteringMethod === 4) {
      findings.push({
        id: "queue-accepts-no-email",
        source: MICROSOFT_DOCS.noCorrelationMatch,
        severity: "warning",
        message: `Queue "${about.name}" converts no incoming email to activities ("${FILTERING_METHOD_LABELS[4]}").`,
        recommendation: "Set Convert Incoming Email To Activities to All email messages.",
        about,
      });
    }
  }

  if (!environment.emailCorrelationEnabled) {
    findings.push({
      id: "correlation-disabled",
      source: MICROSOFT_DOCS.noCorrelationMatch,
      severity: "warning",
      message: "Use correlation to track email conversations is off: email may end with NoCorrelationMatch.",
      recommendation: "Turn on System Settings > Email > Use correlation to track email conversations.",
      about: { kind: "organization", id: null, name: "Organization" },
    });
  }

  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, rules, counts };
}
