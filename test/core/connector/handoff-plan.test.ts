/** What the connector writes for a handoff (PRODUCT.md §8 point 4), decided without Dataverse. */
import {
  incidentTitle,
  planHandoff,
  type AcceptedHandoff,
  type EnvironmentFacts,
} from "../../../core/connector/handoff-plan";
import type { TableMetadata } from "../../../core/connector/table-metadata";
import { parseHandoff } from "../../../core/transcript/handoff";
import type { Handoff } from "../../../core/transcript/types";
import { composeValidTranscript } from "../../../core/transcript/write";
import { builtInTable, handoff } from "../../emulator/helpers";
import { PLAIN_SETTINGS } from "../../fixtures/connector";

const incident = builtInTable("incident");
const facts = (table: TableMetadata = incident): EnvironmentFacts => ({
  incident: table,
  maxUploadBytes: 5242880,
  blockedExtensions: [],
  entitySetOf: (n) => `${n}s`,
});
const settings = PLAIN_SETTINGS;
/** A handoff of the right shape as the planner takes it (limits and sentiment not checked, as planHandoff must not
 * rely on them). */
function shaped(h: Handoff): AcceptedHandoff {
  const { handoff } = parseHandoff(h);
  if (!handoff) throw new Error("the test's handoff is not of the right shape");
  return { handoff, fullTranscript: composeValidTranscript(handoff, { maxLength: null }) };
}
let n = 0;
const tools = { newId: () => `note-${++n}`, base64OfUtf8: (t: string) => Buffer.from(t).toString("base64") };

describe("the title: <classification> - <sender name or email>", () => {
  test("the customer's name", () => {
    expect(incidentTitle(handoff())).toBe("Billing - Jane Doe");
  });
  test("the address when there is no name", () => {
    const message = {
      timestamp: "2026-11-20T09:14:03Z",
      from: { email: "kim@example.net" },
      role: "customer",
      body: "x",
    };
    expect(incidentTitle(handoff({ customer: { email: "kim@example.net" }, messages: [message] }))).toBe(
      "Billing - kim@example.net",
    );
  });
  test("the first customer message's sender name when the customer has none", () => {
    expect(incidentTitle(handoff({ customer: { email: "jane.doe@contoso.com" } }))).toBe("Billing - Jane Doe");
  });
  test("Anonymous when there is neither", () => {
    expect(
      incidentTitle(
        handoff({
          customer: {},
          messages: [{ timestamp: "2026-11-20T09:14:03Z", from: {}, role: "customer", body: "x" }],
        }),
      ),
    ).toBe("Billing - Anonymous");
  });
  test("at most the column's 200 characters", () => {
    const title = incidentTitle(handoff({ customer: { name: "N".repeat(300), email: "kim@example.net" } }));
    expect(title).toHaveLength(200);
    expect(title.endsWith("…")).toBe(true);
  });
});

describe("the plan", () => {
  test("writes only the e2c columns the environment has", () => {
    const columns = Object.fromEntries(
      Object.entries(incident.columns).filter(([k]) => k !== "e2c_sentiment" && k !== "e2c_sessionurl"),
    );
    const plan = planHandoff(
      shaped(handoff()),
      settings,
      facts({ ...incident, columns }),
      { kind: "matched", id: "c" },
      "i",
      tools,
    );
    const record = plan.operations.find((o) => o.kind === "create" && o.table === "incident")!;
    const written = Object.keys((record as { record: object }).record);
    expect(written).not.toContain("e2c_sentiment");
    expect(written).not.toContain("e2c_sessionurl");
    expect((record as { record: Record<string, unknown> }).record.e2c_handoffid).toBe("handoff-0001");
  });

  test("a sentiment that is not one of Microsoft's labels is kept in the transcript but not set as a choice", () => {
    const plan = planHandoff(
      shaped(handoff({ sentiment: "grumpy" })),
      settings,
      facts(),
      { kind: "matched", id: "c" },
      "i",
      tools,
    );
    const record = (
      plan.operations.find((o) => o.kind === "create" && o.table === "incident") as { record: Record<string, unknown> }
    ).record;
    expect(record.e2c_sentiment).toBeUndefined();
    expect(String(record.description)).toContain("Sentiment: grumpy");
  });

  test("a transcript longer than a note's text goes in as a text file on the note", () => {
    const huge = handoff({
      messages: [
        {
          timestamp: "2026-11-20T09:14:03Z",
          from: { email: "jane.doe@contoso.com" },
          role: "customer",
          body: "x".repeat(120000),
        },
      ],
    });
    const plan = planHandoff(shaped(huge), settings, facts(), { kind: "matched", id: "c" }, "i", tools);
    const note = plan.operations.find((o) => o.kind === "create" && o.table === "annotation") as {
      record: Record<string, unknown>;
    };
    expect(note.record).toMatchObject({
      subject: "Handoff transcript",
      filename: "handoff-transcript.txt",
      mimetype: "text/plain",
    });
    expect(Buffer.from(String(note.record.documentbody), "base64").toString()).toContain("x".repeat(120000));
  });

  test("a new contact comes first, so the case can be bound to it in the same change set", () => {
    const plan = planHandoff(
      shaped(handoff({ customer: { email: "kim@example.net" } })),
      settings,
      facts(),
      { kind: "create", id: "k" },
      "i",
      tools,
    );
    expect(plan.operations.map((o) => (o.kind === "addToQueue" ? o.kind : `${o.kind} ${o.table}`))).toEqual([
      "create contact",
      "create incident",
      "addToQueue",
    ]);
  });
});
