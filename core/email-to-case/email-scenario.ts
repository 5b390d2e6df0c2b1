/**
 * An `e2c-scenario/1` input (diagnose-scenario.md) for one email read from an environment: the environment's rules,
 * queues and users, the records that match its sender, and the email itself as Dataverse holds it (`sender`,
 * `torecipients`, `ccrecipients`: addresses separated by semicolons). `e2c doctor` diagnoses each one.
 */
import type { EmailEnvironment } from "./health";
import { guid } from "./environment-records";

export interface EmailRecords {
  users: Array<Record<string, unknown>>;
  /** Mailboxes, to find each user's. */
  mailboxes: Array<Record<string, unknown>>;
  contacts: Array<Record<string, unknown>>;
  accounts: Array<Record<string, unknown>>;
  entitlements: Array<Record<string, unknown>>;
  cases: Array<Record<string, unknown>>;
}

export function addressList(text: unknown): string[] {
  return typeof text === "string"
    ? text
        .split(/[;,]/)
        .map((s) => s.trim())
        .map((s) => /<([^>]+)>/.exec(s)?.[1] ?? s)
        .filter(Boolean)
    : [];
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function iso(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString();
  return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
}

/** incident.statecode 0 Active, 1 Resolved, 2 Cancelled (domain.md §4). */
const CASE_STATES = ["active", "resolved", "cancelled"] as const;

export function scenarioForEmail(
  environment: EmailEnvironment,
  records: EmailRecords,
  email: Record<string, unknown>,
): unknown {
  const mailboxOf = new Map(records.mailboxes.map((m) => [guid(String(m._regardingobjectid_value ?? "")), m]));
  const from = addressList(email.sender)[0] ?? null;
  const sender = from?.toLowerCase();
  const contacts = records.contacts.filter((c) => String(c.emailaddress1 ?? "").toLowerCase() === sender);
  const accounts = records.accounts.filter((a) => String(a.emailaddress1 ?? "").toLowerCase() === sender);
  const customerIds = new Set([
    ...contacts.map((c) => guid(String(c.contactid))),
    ...accounts.map((a) => guid(String(a.accountid))),
  ]);
  return {
    format: "e2c-scenario/1",
    organization: { emailCorrelationEnabled: environment.emailCorrelationEnabled },
    queues: environment.queues,
    users: records.users
      .filter((u) => text(u.internalemailaddress))
      .map((u) => {
        const id = guid(String(u.systemuserid));
        const mailbox = mailboxOf.get(id);
        const user: Record<string, unknown> = {
          id,
          name: String(u.fullname ?? ""),
          emailAddress: text(u.internalemailaddress),
          mailbox: {
            incomingEmailDeliveryMethod: mailbox?.incomingemaildeliverymethod ?? 0,
            enabledForIncomingEmail: mailbox?.enabledforincomingemail ?? false,
            incomingEmailStatus: mailbox?.incomingemailstatus ?? 0,
          },
        };
        if (typeof u.incomingemailfilteringmethod === "number") {
          user.incomingEmailFilteringMethod = u.incomingemailfilteringmethod;
        }
        return user;
      }),
    rules: environment.rules,
    records: {
      contacts: contacts.map((c) => ({
        id: guid(String(c.contactid)),
        email: text(c.emailaddress1),
        active: c.statecode === 0,
        parentAccountId: accounts.some(
          (a) => guid(String(a.accountid)) === guid(String(c._parentcustomerid_value ?? "")),
        )
          ? guid(String(c._parentcustomerid_value))
          : null,
      })),
      accounts: accounts.map((a) => ({
        id: guid(String(a.accountid)),
        email: text(a.emailaddress1),
        active: a.statecode === 0,
      })),
      otherSenders: [],
      entitlements: records.entitlements
        .filter((e) => customerIds.has(guid(String(e._customerid_value ?? ""))))
        .map((e) => ({
          id: guid(String(e.entitlementid)),
          customerId: guid(String(e._customerid_value)),
          active: e.statecode === 0,
        })),
      cases: records.cases
        .filter((c) => customerIds.has(guid(String(c._customerid_value ?? ""))))
        .map((c) => {
          const state = CASE_STATES[Number(c.statecode ?? 0)] ?? "active";
          return {
            id: guid(String(c.incidentid)),
            customerId: guid(String(c._customerid_value)),
            state,
            resolvedAt: state === "resolved" ? iso(c.modifiedon) : null,
          };
        }),
    },
    email: {
      from,
      to: addressList(email.torecipients),
      cc: addressList(email.ccrecipients),
      subject: typeof email.subject === "string" ? email.subject : "",
      receivedAt: iso(email.createdon),
    },
  };
}
