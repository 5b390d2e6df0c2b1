/**
 * What the ARC rule form does not hold, read through Xrm.WebApi: the rule's items, its queue and the queue's
 * mailbox (research domain.md §1, §3). A read that fails or is forbidden becomes an info finding, not an error.
 */
import type { Finding } from "../../../core/email-to-case/rule-validation";
import type { Queue, RuleItem } from "../../../core/email-to-case/scenario";

export interface RuleSurroundings {
  items: RuleItem[] | null;
  queue: Queue | null;
  findings: Finding[];
}

type WebApi = Pick<Xrm.WebApi, "retrieveRecord" | "retrieveMultipleRecords">;

function unavailable(what: string, error: unknown): Finding {
  const message = error instanceof Error ? error.message : String((error as { message?: string })?.message ?? error);
  return {
    id: "context-unavailable",
    severity: "info",
    message: `Could not read ${what} (${message}), so the checks that need it were skipped.`,
    recommendation:
      "Open the form as a user who can read queues, mailboxes and rule items, or use the email-to-case health page.",
  };
}

function guid(id: string): string {
  return id.replace(/[{}]/g, "").toLowerCase();
}

/**
 * Items: a rule item's condition lives in `conditionxml`, which the toolkit does not interpret; an item with no
 * condition matches every email (a catch-all), any other item is taken as one some email can meet.
 */
export async function readItems(webApi: WebApi, ruleId: string): Promise<RuleItem[]> {
  const result = await webApi.retrieveMultipleRecords(
    "convertruleitem",
    `?$select=name,sequencenumber,conditionxml&$filter=_convertruleid_value eq ${guid(ruleId)}&$orderby=sequencenumber asc`,
  );
  return result.entities.map((e) => ({
    name: String(e.name ?? ""),
    matches: e.conditionxml ? { subjectContains: "" } : "any",
  }));
}

export async function readQueue(webApi: WebApi, queueId: string): Promise<Queue> {
  const id = guid(queueId);
  const queue = await webApi.retrieveRecord("queue", id, "?$select=name,emailaddress,incomingemailfilteringmethod");
  const mailboxes = await webApi.retrieveMultipleRecords(
    "mailbox",
    `?$select=incomingemaildeliverymethod,incomingemailstatus,enabledforincomingemail&$filter=_regardingobjectid_value eq ${id}&$top=1`,
  );
  const mailbox = mailboxes.entities[0];
  return {
    id,
    name: queue.name ?? undefined,
    emailAddress: queue.emailaddress ?? null,
    incomingEmailFilteringMethod: queue.incomingemailfilteringmethod ?? 0,
    mailbox: {
      incomingEmailDeliveryMethod: mailbox?.incomingemaildeliverymethod ?? 0,
      enabledForIncomingEmail: mailbox?.enabledforincomingemail ?? false,
      incomingEmailStatus: mailbox?.incomingemailstatus ?? 0,
      ownerHasSyncPrivileges: true,
    },
  };
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
