/** Dataverse refusals explained as the seed's troubleshooting would (seed 003; PRODUCT.md §8 point 7). */
import { explainDataverseFault } from "../../../core/connector/explain-error";

const summary = (status: number, code: string, message: string) =>
  explainDataverseFault({ status, code, message }).summary;

test("401: the sign-in", () => {
  expect(explainDataverseFault({ status: 401, code: "", message: "" }).recommendation).toMatch(
    /tenantId, clientId and the client secret/,
  );
});

test("403 PrivilegeDenied: which privilege, on which table", () => {
  expect(
    summary(
      403,
      "0x80040220",
      "Principal user (Id=x, type=8, roleCount=1), is missing prvAppendToQueue privilege (Id=y) on OTC=2020 for entity 'queue'.",
    ),
  ).toBe("403 on create: the application user's security role lacks prvAppendToQueue (AppendTo on Queue).");
});

test("403 access check: which access on which table", () => {
  expect(
    summary(
      403,
      "0x80048306",
      "Principal with ID x does not have CreateAccess right(s) for record with ID y of entity incident",
    ),
  ).toMatch(/may not create this incident record/);
});

test("404 on the queue: incidents unassigned, set default_queue_id", () => {
  const why = explainDataverseFault({
    status: 404,
    code: "0x80040217",
    message: "queue With Id = 0d7f6c1b-2e10-4c1e-9a55-7f3e2a9c5b1d Does Not Exist",
  });
  expect(why.summary).toMatch(/^Incidents unassigned: default_queue_id 0d7f6c1b/);
  expect(why.recommendation).toMatch(/Set default_queue_id/);
});

test("404 on the owner: default_owner_id", () => {
  expect(summary(404, "0x80040217", "team With Id = 0d7f6c1b-2e10-4c1e-9a55-7f3e2a9c5b1d Does Not Exist")).toMatch(
    /default_owner_id 0d7f6c1b-2e10-4c1e-9a55-7f3e2a9c5b1d is not a team/,
  );
});

test("400 label for a choice: ticket_properties rejected, use the integer", () => {
  expect(summary(400, "0x80048d19", "... Cannot convert the literal 'High' to the expected type 'Edm.Int32'.")).toBe(
    "ticket_properties rejected: the text 'High' was sent where Dataverse expects Edm.Int32 (a choice takes its integer value, not its label).",
  );
});

test("400 unknown property: ticket_properties rejected, which property", () => {
  expect(
    summary(400, "0x0", "Could not find a property named 'new_region' on type 'Microsoft.Dynamics.CRM.incident'."),
  ).toMatch(/'new_region' is not a column of the case table/);
});

test("400 out of range: which value of which column", () => {
  expect(
    summary(
      400,
      "0x8004431A",
      "The value 9 of 'casetypecode' on record of type 'incident' is outside the valid range.",
    ),
  ).toBe("ticket_properties rejected: 9 is not an option of 'casetypecode'.");
});

test("429 after every retry: try again later (whether anything was written is for the caller to say)", () => {
  const why = explainDataverseFault({ status: 429, code: "0x80072322", message: "" });
  expect(why.recommendation).toBe("Try again later.");
  expect(why.recommendation).not.toMatch(/nothing was written/i);
});

test("anything else: the status, code and Dataverse's message", () => {
  expect(summary(500, "0x80040216", "Boom")).toBe("Dataverse refused the request (500 0x80040216): Boom");
});
