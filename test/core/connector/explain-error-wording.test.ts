/** Every Dataverse refusal the connector explains, in the words the admin reads, summary and recommendation. */
import { explainDataverseFault } from "../../../core/connector/explain-error";

const ROLE_HINT = 'See the README\'s "Least privilege" section for the whole role.';
const ID = "0d7f6c1b-2e10-4c1e-9a55-7f3e2a9c5b1d";
const explain = (status: number, code: string, message: string) => explainDataverseFault({ status, code, message });

test("401: the sign-in", () => {
  expect(explain(401, "", "")).toEqual({
    summary: "The environment did not accept the connector's sign-in (401).",
    recommendation:
      "Check tenantId, clientId and the client secret, and that the app registration is added to the environment as an application user.",
  });
});

describe("403", () => {
  test.each([
    ["prvCreateIncident", "Create", "Incident"],
    ["prvAppendToQueue", "AppendTo", "Queue"],
    ["prvAppendContact", "Append", "Contact"],
    ["prvExportToExcel", "the needed", "ExportToExcel"],
  ])("a missing %s: the access and the table to give", (privilege, access, table) => {
    const message = `Principal user (Id=x, type=8, roleCount=1), is missing ${privilege} privilege (Id=y) on OTC=112.`;
    expect(explain(403, "0x80040220", message)).toEqual({
      summary: `403 on create: the application user's security role lacks ${privilege} (${access} on ${table}).`,
      recommendation: `Give the application user's security role ${access} on ${table}. ${ROLE_HINT}`,
    });
  });

  test("an access level too low on a record", () => {
    const message =
      "Principal with id = x does not have WriteAccess right(s) for record with id = y of entity 'contact'.";
    expect(explain(403, "0x80048306", message)).toEqual({
      summary: "403: the application user may not write this contact record (access level too low).",
      recommendation: `Raise the Write access level on contact in the application user's role, or share the record with it. ${ROLE_HINT}`,
    });
  });

  test("any other refusal of the application user", () => {
    expect(explain(403, "0x80040225", "The user is disabled.")).toEqual({
      summary: "403: Dataverse refused the application user.",
      recommendation: `Check the application user's security role. ${ROLE_HINT}`,
    });
  });
});

describe("404", () => {
  test("a default_queue_id that is no queue: incidents unassigned", () => {
    expect(explain(404, "0x80040217", `queue With Id = ${ID} Does Not Exist`)).toEqual({
      summary: `Incidents unassigned: default_queue_id ${ID} is not a queue in this environment (or the application user cannot read it).`,
      recommendation: "Set default_queue_id to the id of the queue your email team works from (Settings → Queues).",
    });
  });

  test.each([
    ["systemuser", "user"],
    ["team", "team"],
  ])("a default_owner_id that is no %s", (table, word) => {
    expect(explain(404, "0x80040217", `${table} With Id = ${ID} Does Not Exist`)).toEqual({
      summary: `default_owner_id ${ID} is not a ${word} in this environment.`,
      recommendation:
        "Set default_owner_id to an enabled user or team, or leave it out to own cases by the application user.",
    });
  });

  test("any other record the handoff refers to", () => {
    expect(explain(404, "0x80040217", `contact With Id = ${ID} Does Not Exist`)).toEqual({
      summary: `A record the handoff refers to does not exist: contact ${ID}.`,
      recommendation: "Check the ids in ticket_properties and the default_* settings.",
    });
  });

  test("a 404 that names no record is told as Dataverse said it", () => {
    expect(
      explain(
        404,
        "0x80060888",
        `Resource not found for the segment 'incidentz'. queue With Id = ${ID} Does Not Exist`,
      ),
    ).toEqual({
      summary: `Dataverse refused the request (404 0x80060888): Resource not found for the segment 'incidentz'. queue With Id = ${ID} Does Not Exist`,
      recommendation: "Check what Dataverse said, then try again.",
    });
  });
});

describe("400: ticket_properties rejected", () => {
  test("a label sent for a choice", () => {
    expect(explain(400, "0x80048d19", "Cannot convert the literal 'High' to the expected type 'Edm.Int32'.")).toEqual({
      summary:
        "ticket_properties rejected: the text 'High' was sent where Dataverse expects Edm.Int32 (a choice takes its integer value, not its label).",
      recommendation:
        "Use integer option-set values, not label text, in ticket_properties (e2c handoff --dry-run checks ticket_properties against the environment and names the values).",
    });
  });

  test.each([
    "Could not find a property named 'new_region' on type 'Microsoft.Dynamics.CRM.incident'.",
    "Invalid property 'new_region' was found in entity 'Microsoft.Dynamics.CRM.incident'.",
    "The property 'x' does not exist; an undeclared property 'new_region' was found.",
  ])("an unknown column: %s", (message) => {
    expect(explain(400, "0x80060888", message)).toEqual({
      summary: "ticket_properties rejected: 'new_region' is not a column of the case table in this environment.",
      recommendation: "Use the column's logical name (Settings → Customizations → Case → Columns), or remove it.",
    });
  });

  test("a value outside a choice's options", () => {
    const message = "The value -1 of 'casetypecode' on record of type 'incident' is outside the valid range.";
    expect(explain(400, "0x8004431A", message)).toEqual({
      summary: "ticket_properties rejected: -1 is not an option of 'casetypecode'.",
      recommendation:
        "Use one of the column's option values (e2c handoff --dry-run checks ticket_properties against the environment and names the values).",
    });
  });

  test("a value longer than its column", () => {
    const message =
      "A validation error occurred. The length of the 'productserialnumber' attribute of the 'incident' entity exceeded the maximum allowed length of '100'.";
    expect(explain(400, "0x80044331", message)).toEqual({
      summary: "ticket_properties rejected: the value of 'productserialnumber' is longer than the column allows.",
      recommendation: "Shorten the value, or widen the column.",
    });
  });

  test("any other bad request is told as Dataverse said it", () => {
    expect(explain(400, "", "The request is malformed.")).toEqual({
      summary: "Dataverse refused the request (400): The request is malformed.",
      recommendation: "Check what Dataverse said, then try again.",
    });
  });
});

describe("the service kept refusing", () => {
  test.each([
    [429, "Dataverse kept refusing requests (429, service protection limits) after every retry."],
    [503, "Dataverse kept refusing requests (503, service unavailable) after every retry."],
  ])("%s", (status, summary) => {
    expect(explain(status, "", "")).toEqual({ summary, recommendation: "Try again later." });
  });
});

test("a 403-shaped message under another status is not read as a privilege", () => {
  expect(explain(500, "0x80040216", "is missing prvCreateIncident privilege").summary).toBe(
    "Dataverse refused the request (500 0x80040216): is missing prvCreateIncident privilege",
  );
});

test("a missing record or a bad literal under another status is told as Dataverse said it", () => {
  const missing = `queue With Id = ${ID} Does Not Exist`;
  const literal = "Cannot convert the literal 'High' to the expected type 'Edm.Int32'.";
  expect([explain(500, "", missing).summary, explain(500, "", literal).summary]).toEqual([
    `Dataverse refused the request (500): ${missing}`,
    `Dataverse refused the request (500): ${literal}`,
  ]);
});
