/**
 * Reads the whole email-to-case configuration through Xrm.WebApi for the health page: every ARC rule with its
 * items, every queue with an email address and its mailbox, and the organisation's correlation setting.
 */
import { ruleFromColumns, type ConvertRuleColumns } from "../../../core/email-to-case/convertrule-columns";
import type { EmailEnvironment } from "../../../core/email-to-case/health";
import {
  guid,
  itemFromRecord,
  ITEM_COLUMNS,
  MAILBOX_COLUMNS,
  QUEUE_COLUMNS,
  queueFromRecords,
} from "../forms/arc-rule-context";

type WebApi = Pick<Xrm.WebApi, "retrieveMultipleRecords">;

const RULE_COLUMNS =
  "convertruleid,name,_queueid_value,statecode,allowunknownsender,senderresolutionoption,checkactiveentitlement," +
  "checkifresolved,resolvedsince,sendautomaticresponse,_responsetemplateid_value";

/** All pages of a query (the Web API returns 5,000 rows at most per page). */
async function all(webApi: WebApi, table: string, query: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let page = await webApi.retrieveMultipleRecords(table, query);
  rows.push(...page.entities);
  while (page.nextLink) {
    page = await webApi.retrieveMultipleRecords(table, `?${page.nextLink.split("?")[1] ?? ""}`);
    rows.push(...page.entities);
  }
  return rows;
}

export async function readEnvironment(webApi: WebApi): Promise<EmailEnvironment> {
  const [rules, items, queues, mailboxes, organizations] = await Promise.all([
    all(webApi, "convertrule", `?$select=${RULE_COLUMNS}&$filter=sourcetypecode eq 2`),
    all(webApi, "convertruleitem", `?$select=${ITEM_COLUMNS}&$orderby=sequencenumber asc`),
    all(webApi, "queue", `?$select=${QUEUE_COLUMNS}&$filter=emailaddress ne null`),
    all(webApi, "mailbox", `?$select=${MAILBOX_COLUMNS}`),
    all(webApi, "organization", "?$select=emailcorrelationenabled"),
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
