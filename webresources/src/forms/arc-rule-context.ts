/**
 * What the ARC rule form does not hold, read through Xrm.WebApi: the rule's items, its queue and the queue's
 * mailbox (research domain.md §1, §3). A read that fails or is forbidden becomes an info finding, not an error.
 */
import type { Finding } from "../../../core/email-to-case/rule-validation";
import type { Queue, RuleItem } from "../../../core/email-to-case/scenario";
import {
  guid,
  itemFromRecord,
  ITEM_COLUMNS,
  MAILBOX_COLUMNS,
  QUEUE_COLUMNS,
  queueFromRecords,
} from "../../../core/email-to-case/environment-records";
import { errorMessage } from "../shared/error-message";

export interface RuleSurroundings {
  items: RuleItem[] | null;
  queue: Queue | null;
  findings: Finding[];
}

type WebApi = Pick<Xrm.WebApi, "retrieveRecord" | "retrieveMultipleRecords">;

function unavailable(what: string, error: unknown): Finding {
  const message = errorMessage(error);
  return {
    id: "context-unavailable",
    // Stryker disable next-line StringLiteral: the form shows any severity but error and warning as INFO, and counts only those two
    severity: "info",
    message: `Could not read ${what} (${message}), so the checks that need it were skipped.`,
    recommendation:
      "Open the form as a user who can read queues, mailboxes and rule items, or use the email-to-case health page.",
  };
}

export async function readItems(webApi: WebApi, ruleId: string): Promise<RuleItem[]> {
  const result = await webApi.retrieveMultipleRecords(
    "convertruleitem",
    `?$select=${ITEM_COLUMNS}&$filter=_convertruleid_value eq ${guid(ruleId)}&$orderby=sequencenumber asc`,
  );
  return result.entities.map(itemFromRecord);
}

export async function readQueue(webApi: WebApi, queueId: string): Promise<Queue> {
  const id = guid(queueId);
  const queue = await webApi.retrieveRecord("queue", id, `?$select=${QUEUE_COLUMNS}`);
  const mailboxes = await webApi.retrieveMultipleRecords(
    "mailbox",
    `?$select=${MAILBOX_COLUMNS}&$filter=_regardingobjectid_value eq ${id}&$top=1`,
  );
  return queueFromRecords({ ...queue, queueid: id }, mailboxes.entities[0]);
}

export async function readSurroundings(
  webApi: WebApi,
  ruleId: string | null,
  queueId: string | null,
): Promise<RuleSurroundings> {
  const out: RuleSurroundings = { items: null, queue: null, findings: [] };
  if (ruleId) {
    try {
      out.items = await readItems(webApi, ruleId);
    } catch (error) {
      out.findings.push(unavailable("the rule's items", error));
    }
  }
  if (queueId) {
    try {
      out.queue = await readQueue(webApi, queueId);
    } catch (error) {
      out.findings.push(unavailable("the queue and its mailbox", error));
    }
  }
  return out;
}
