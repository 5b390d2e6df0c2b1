/**
 * What the ARC rule form does not hold, read through Xrm.WebApi: the rule's items, its queue and the queue's
 * mailbox (research domain.md §1, §3). A read that fails or is forbidden becomes an info finding, not an error.
 */
import type { Finding } from "../../../core/email-to-case/rule-validation";
import type { Queue, RuleItem } from "../../../core/email-to-case/scenario";
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
    severity: "info",
    message: `Could not read ${what} (${message}), so the checks that need it were skipped.`,
    recommendation:
      "Open the form as a user who can read queues, mailboxes and rule items, or use the email-to-case health page.",
  };
}

export function guid(id: string): string {
  return id.replace(/[{}]/g, "").toLowerCase();
}

/**
 * Items: a rule item's condition lives in `conditionxml`, which the toolkit does not interpret; an item with no
 * condition matches every email (a catch-all), any other item is taken as one some email can meet.
 */
export function itemFromRecord(e: Record<string, unknown>): RuleItem {
  return { name: String(e.name ?? ""), matches: e.conditionxml ? { subjectContains: "" } : "any" };
}

/** A queue record and its mailbox record (or none: a queue without a mailbox receives nothing). */
export function queueFromRecords(queue: Record<string, unknown>, mailbox: Record<string, unknown> | undefined): Queue {
  const out: Queue = {
    id: guid(String(queue.queueid ?? "")),
    emailAddress: (queue.emailaddress as string | null | undefined) ?? null,
    incomingEmailFilteringMethod:
      (queue.incomingemailfilteringmethod as Queue["incomingEmailFilteringMethod"] | undefined) ?? 0,
    mailbox: {
      incomingEmailDeliveryMethod:
        (mailbox?.incomingemaildeliverymethod as Queue["mailbox"]["incomingEmailDeliveryMethod"]) ?? 0,
      enabledForIncomingEmail: (mailbox?.enabledforincomingemail as boolean | undefined) ?? false,
      incomingEmailStatus: (mailbox?.incomingemailstatus as Queue["mailbox"]["incomingEmailStatus"]) ?? 0,
      ownerHasSyncPrivileges: true,
    },
  };
  if (typeof queue.name === "string") out.name = queue.name;
  return out;
}

export const ITEM_COLUMNS = "name,sequencenumber,conditionxml,_convertruleid_value";
export const QUEUE_COLUMNS = "queueid,name,emailaddress,incomingemailfilteringmethod";
export const MAILBOX_COLUMNS =
  "_regardingobjectid_value,incomingemaildeliverymethod,incomingemailstatus,enabledforincomingemail";

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
