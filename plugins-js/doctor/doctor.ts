/**
 * `e2c doctor` (PRODUCT.md §6): reads the email-to-case configuration of an environment (rules and their items,
 * queues and mailboxes, users, the organisation's correlation setting) and its most recent incoming email with the
 * senders' contacts, accounts, entitlements and cases; checks the configuration as the health page does, and
 * diagnoses each email as `e2c diagnose` would, from an `e2c-scenario/1` built for it.
 */
import { odataString } from "../../core/connector/odata-literals";
import { diagnose, type Diagnosis } from "../../core/email-to-case/diagnose";
import { scenarioForEmail, addressList, type EmailRecords } from "../../core/email-to-case/email-scenario";
import {
  MAILBOX_COLUMNS,
  readAll,
  readEnvironment,
  type RecordReader,
} from "../../core/email-to-case/environment-records";
import { checkEnvironment, type EnvironmentHealth } from "../../core/email-to-case/health";
import { parseScenario } from "../../core/email-to-case/scenario";

export interface EmailDiagnosis {
  id: string;
  subject: string;
  from: string | null;
  receivedAt: string | null;
  /** The case the email is regarding in Dataverse today, if any. */
  regardingCase: { id: string; name: string | null } | null;
  diagnosis: Diagnosis | null;
  /** When the email's records could not be made into a scenario. */
  problem?: string;
}

export interface DoctorReport {
  format: "e2c-doctor/1";
  environmentUrl: string;
  health: EnvironmentHealth;
  emails: EmailDiagnosis[];
  /** Emails with no case whose diagnosis says none would be made now. */
  emailsWithoutCase: number;
  healthy: boolean;
}

export interface DoctorProgress {
  step: (label: string, done: number, total: number) => void;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Rows whose `column` equals one of `values`, asked in groups so no URL grows too long. A text column takes string
 * literals; a lookup (`_x_value`) takes bare GUIDs, as the Web API types it Edm.Guid.
 */
async function readMatching(
  reader: RecordReader,
  table: string,
  select: string,
  column: string,
  values: string[],
): Promise<Record<string, unknown>[]> {
  const literal = column.startsWith("_") ? (v: string) => v : odataString;
  const rows: Record<string, unknown>[] = [];
  for (const group of chunks(values, 20)) {
    const filter = group.map((v) => `${column} eq ${literal(v)}`).join(" or ");
    rows.push(...(await readAll(reader, table, `?$select=${select}&$filter=${filter}`)));
  }
  return rows;
}

export async function runDoctor(
  reader: RecordReader,
  environmentUrl: string,
  options: { recentEmails: number; progress?: DoctorProgress },
): Promise<DoctorReport> {
  const steps = 5;
  const step = (label: string, n: number) => options.progress?.step(label, n, steps + options.recentEmails);
  step("rules, items, queues, mailboxes and organisation", 0);
  const environment = await readEnvironment(reader);
  step("users and their mailboxes", 1);
  const [users, mailboxes] = await Promise.all([
    readAll(
      reader,
      "systemuser",
      "?$select=systemuserid,fullname,internalemailaddress,incomingemailfilteringmethod&$filter=internalemailaddress ne null",
    ),
    readAll(reader, "mailbox", `?$select=${MAILBOX_COLUMNS}`),
  ]);
  step("recent incoming email", 2);
  const emails =
    options.recentEmails > 0
      ? (
          await reader.retrieveMultipleRecords(
            "email",
            `?$select=activityid,subject,sender,torecipients,ccrecipients,createdon,_regardingobjectid_value&$filter=directioncode eq false&$orderby=createdon desc&$top=${options.recentEmails}`,
          )
        ).entities
      : [];
  const senders = [...new Set(emails.flatMap((e) => addressList(e.sender).map((a) => a.toLowerCase())))];
  step("the senders' contacts and accounts", 3);
  const [contacts, accounts] = await Promise.all([
    readMatching(
      reader,
      "contact",
      "contactid,emailaddress1,statecode,_parentcustomerid_value",
      "emailaddress1",
      senders,
    ),
    readMatching(reader, "account", "accountid,emailaddress1,statecode", "emailaddress1", senders),
  ]);
  const customers = [...contacts.map((c) => String(c.contactid)), ...accounts.map((a) => String(a.accountid))];
  step("their entitlements and cases", 4);
  const [entitlements, cases] = await Promise.all([
    // Entitlements exist only where entitlement management is installed; without them the check has nothing to say.
    readMatching(
      reader,
      "entitlement",
      "entitlementid,_customerid_value,statecode",
      "_customerid_value",
      customers,
    ).catch(() => []),
    readMatching(
      reader,
      "incident",
      "incidentid,statecode,_customerid_value,modifiedon",
      "_customerid_value",
      customers,
    ),
  ]);
  const records: EmailRecords = { users, mailboxes, contacts, accounts, entitlements, cases };
  const health = checkEnvironment(environment);
  const diagnosed: EmailDiagnosis[] = emails.map((email, i) => {
    step(`diagnosing email ${i + 1} of ${emails.length}`, steps + i);
    const regarding =
      email["_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname"] === "incident" &&
      typeof email._regardingobjectid_value === "string"
        ? {
            id: email._regardingobjectid_value,
            name:
              (email["_regardingobjectid_value@OData.Community.Display.V1.FormattedValue"] as string | undefined) ??
              null,
          }
        : null;
    const out: EmailDiagnosis = {
      id: String(email.activityid ?? ""),
      subject: String(email.subject ?? ""),
      from: addressList(email.sender)[0] ?? null,
      receivedAt:
        typeof email.createdon === "string"
          ? email.createdon
          : email.createdon instanceof Date
            ? email.createdon.toISOString()
            : null,
      regardingCase: regarding,
      diagnosis: null,
    };
    const parsed = parseScenario(scenarioForEmail(environment, records, email));
    if (parsed.ok) out.diagnosis = diagnose(parsed.value);
    else out.problem = parsed.problems.map((p) => `${p.field}: ${p.message}`).join("; ");
    return out;
  });
  step("done", steps + emails.length);
  const emailsWithoutCase = diagnosed.filter(
    (e) => !e.regardingCase && e.diagnosis && !e.diagnosis.verdict.caseCreated,
  ).length;
  return {
    format: "e2c-doctor/1",
    environmentUrl,
    health,
    emails: diagnosed,
    emailsWithoutCase,
    healthy: health.counts.error === 0 && emailsWithoutCase === 0,
  };
}
