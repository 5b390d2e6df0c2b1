/**
 * Walks one incoming email through the four stages of PRODUCT.md §5.1 and reports `e2c-diagnosis/1`.
 */
import { receiversOf } from "./recipients";
import type { StageName } from "./reasons";
import type { Scenario } from "./scenario";
import { notReached, type StageResult } from "./stage-result";
import { evaluateArcRule, type ArcEffects, type ArcOutcome } from "./stages/arc-rule";
import { checkMailboxSync } from "./stages/mailbox-sync";
import { checkQueueItems } from "./stages/queue-item";
import { checkTracking } from "./stages/tracking";

export const STAGES: readonly StageName[] = ["mailbox-sync", "tracking", "queue-item", "arc-rule"];

export const STAGE_TITLES: Record<StageName, string> = {
  "mailbox-sync": "Mailbox sync",
  tracking: "Tracking and correlation",
  "queue-item": "Queue item",
  "arc-rule": "Record creation rule",
};

export interface Diagnosis {
  format: "e2c-diagnosis/1";
  verdict: { caseCreated: boolean; summary: string };
  stages: StageResult[];
  effects: Omit<ArcEffects, "ruleId"> & { queueId: string | null; ruleId: string | null };
}

function finish(
  results: StageResult[],
  effects: Diagnosis["effects"],
  caseCreated: boolean,
  summary: string,
): Diagnosis {
  const stages = STAGES.map((stage) => results.find((r) => r.stage === stage) ?? notReached(stage));
  return { format: "e2c-diagnosis/1", verdict: { caseCreated, summary }, stages, effects };
}

function stoppedSummary(result: StageResult): string {
  const label = result.reason?.label ?? "";
  return `No case: stopped at ${STAGE_TITLES[result.stage].toLowerCase()} (${result.reason?.id}). ${label}`.trim();
}

export function diagnose(scenario: Scenario): Diagnosis {
  const noEffects: Diagnosis["effects"] = {
    contactCreated: false,
    recordActivated: false,
    customer: null,
    queueId: null,
    ruleId: null,
  };
  const receivers = receiversOf(scenario);
  const sync = checkMailboxSync(scenario, receivers);
  if (sync.result.status !== "passed") return finish([sync.result], noEffects, false, stoppedSummary(sync.result));
  const tracking = checkTracking(scenario, sync.syncing);
  const before = [sync.result, tracking.result];
  if (tracking.result.status !== "passed") return finish(before, noEffects, false, stoppedSummary(tracking.result));
  const items = checkQueueItems(receivers, tracking.tracked);
  before.push(items.result);
  if (items.result.status !== "passed") return finish(before, noEffects, false, stoppedSummary(items.result));

  // One queue item per recipient queue; each is processed by that queue's rule (S-FAQ: several queues, several
  // cases). The diagnosis reports the queue that creates a case, else the first queue that has an active rule.
  const outcomes = items.queues.map((queue) => ({
    queue,
    outcome: evaluateArcRule({
      rules: scenario.rules,
      queue,
      email: scenario.email,
      records: scenario.records,
      known: scenario,
    }),
  }));
  const chosen: { queue: (typeof items.queues)[number]; outcome: ArcOutcome } =
    outcomes.find((o) => o.outcome.caseCreated) ??
    outcomes.find((o) => o.outcome.result.reason?.id !== "no-active-rule") ??
    (outcomes[0] as (typeof outcomes)[number]);
  const { queue, outcome } = chosen;
  const effects = { ...outcome.effects, queueId: queue.id };
  const queueName = queue.name ?? queue.id;
  const ruleRecord = scenario.rules.find((r) => r.id === outcome.effects.ruleId);
  const cases = outcomes.filter((o) => o.outcome.caseCreated).length;
  let summary: string;
  if (outcome.caseCreated) {
    const customer = effects.customer
      ? effects.contactCreated
        ? "a new contact created for the sender"
        : `${effects.customer.type} ${effects.customer.id}${effects.recordActivated ? " (reactivated)" : ""}`
      : "the customer the rule's flow maps";
    summary = `A case is created in queue "${queueName}" by rule "${ruleRecord?.name ?? ruleRecord?.id}" for ${customer}.`;
    if (cases > 1) summary += ` ${cases} queues have rules that create a case, so ${cases} cases are created.`;
  } else {
    summary = stoppedSummary(outcome.result);
  }
  return finish([...before, outcome.result], effects, outcome.caseCreated, summary);
}
