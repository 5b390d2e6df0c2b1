/**
 * Dataverse records of the email-to-case configuration (research domain.md §1, §3) as the toolkit's rules, items
 * and queues, and the reading of a whole environment through any Xrm.WebApi-shaped reader: the health page passes
 * Xrm.WebApi, `e2c doctor` passes dataverse-ify's WebApiBase. No I/O of its own.
 */
import { ruleFromColumns, type ConvertRuleColumns } from "./convertrule-columns";
import type { EmailEnvironment } from "./health";
import type { Queue, RuleItem } from "./scenario";

/** The one method of Xrm.WebApi the reading needs. */
export interface RecordReader {
  retrieveMultipleRecords(
    entityLogicalName: string,
    options?: string,
  ): PromiseLike<{ entities: Record<string, unknown>[]; nextLink?: string }>;
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
export const RULE_COLUMNS =
  "convertruleid,name,_queueid_value,statecode,allowunknownsender,senderresolutionoption,checkactiveentitlement," +
  "checkifresolved,resolvedsince,sendautomaticresponse,_responsetemplateid_value";

/** All pages of a query (the Web API returns 5,000 rows at most per page). */
export async function readAll(reader: RecordReader, table: string, query: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let page = await reader.retrieveMultipleRecords(table, query);
  rows.push(...page.entities);
  while (page.nextLink) {
    page = await reader.retrieveMultipleRecords(table, `?${page.nextLink.split("?")[1] ?? ""}`);
    rows.push(...page.entities);
  }
  return rows;
}

/** Every email ARC rule with its items, every queue with an email address and its mailbox, and correlation. */
export async function readEnvironment(reader: RecordReader): Promise<EmailEnvironment> {
  const [rules, items, queues, mailboxes, organizations] = await Promise.all([
    readAll(reader, "convertrule", `?$select=${RULE_COLUMNS}&$filter=sourcetypecode eq 2`),
    readAll(reader, "convertruleitem", `?$select=${ITEM_COLUMNS}&$orderby=sequencenumber asc`),
    readAll(reader, "queue", `?$select=${QUEUE_COLUMNS}&$filter=emailaddress ne null`),
    readAll(reader, "mailbox", `?$select=${MAILBOX_COLUMNS}`),
    readAll(reader, "organization", "?$select=emailcorrelationenabled"),
  ]);
  const mailboxOf = new Map(mailboxes.map((m) => [guid(String(m._regardingobjectid_value ?? "")), m]));
  return {
    emailCorrelationEnabled: organizations[0]?.emailcorrelationenabled !== false,
    queues: queues.map((q) => queueFromRecords(q, mailboxOf.get(guid(String(q.queueid ?? ""))))),
    rules: rules.map((r) =>
      ruleFromColumns(
        r as ConvertRuleColumns,
        items
          .filter((i) => guid(String(i._convertruleid_value ?? "")) === guid(String(r.convertruleid ?? "")))
          .map(itemFromRecord),
      ),
    ),
  };
}
