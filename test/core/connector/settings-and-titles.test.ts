import {
  customerEmail,
  incidentTitle,
  planHandoff,
  validateSettings,
  type ConnectorSettings,
  type EnvironmentFacts,
} from "../../../core/connector/handoff-plan";
import { parseHandoff } from "../../../core/transcript/handoff";
import type { Handoff } from "../../../core/transcript/types";
import { composeValidTranscript } from "../../../core/transcript/write";
import { exampleHandoff } from "../../fixtures/handoffs";
import { incidentTable, PLAIN_SETTINGS } from "../../fixtures/connector";

const INCIDENT = incidentTable({
  prioritycode: {
    type: "Picklist",
    options: [
      { value: 1, label: "High" },
      { value: 2, label: "Normal" },
    ],
  },
});
const FACTS: EnvironmentFacts = {
  incident: INCIDENT,
  maxUploadBytes: 5242880,
  blockedExtensions: ["exe"],
  entitySetOf: (n) => `${n}s`,
};
const SETTINGS: ConnectorSettings = { ...PLAIN_SETTINGS, copyAttachments: true };

describe("the connector's settings against the environment", () => {
  test("a queue id, no priority and no ticket_properties: nothing wrong", () => {
    expect(validateSettings(SETTINGS, FACTS)).toEqual([]);
  });

  test("a default_queue_id that is no GUID, a priority that is no option, and a ticket property the case lacks", () => {
    const settings = { ...SETTINGS, defaultQueueId: "Support", defaultPriority: 5, ticketProperties: { nosuch: 1 } };
    expect(validateSettings(settings, FACTS)).toEqual([
      { field: "default_queue_id", message: "must be the id (a GUID) of the queue your email team works from" },
      { field: "default_priority", message: "5 is not one of the column's options: 1 (High), 2 (Normal)" },
      { field: "ticket_properties.nosuch", message: "is not a column of the incident table in this environment" },
    ]);
  });

  test("a priority that is an option is accepted", () => {
    expect(validateSettings({ ...SETTINGS, defaultPriority: 1 }, FACTS)).toEqual([]);
  });

  test("a priority is not checked against an environment that does not describe the column", () => {
    expect(
      validateSettings({ ...SETTINGS, defaultPriority: 5 }, { ...FACTS, incident: { ...INCIDENT, columns: {} } }),
    ).toEqual([]);
  });
});

describe("the title and the customer's address", () => {
  test("runs of spaces and line breaks in the classification and the name become one space", () => {
    const h: Handoff = {
      ...exampleHandoff(),
      classification: "  Billing \n\t issue ",
      customer: { name: "Jane   Q\nDoe" },
    };
    expect(incidentTitle(h)).toBe("Billing issue - Jane Q Doe");
  });

  test("a title exactly as long as the column is not cut", () => {
    expect(incidentTitle(exampleHandoff(), 18)).toBe("Billing - Jane Doe");
    expect(incidentTitle(exampleHandoff(), 17)).toBe("Billing - Jane D…");
  });

  test("no name and no address: Anonymous", () => {
    const h: Handoff = { ...exampleHandoff(), customer: {} };
    h.messages = h.messages.map((m) => ({ ...m, from: {} }));
    expect(incidentTitle(h)).toBe("Billing - Anonymous");
    expect(customerEmail(h)).toBeNull();
  });

  test("the address is the customer's, else the first customer message's sender's, spaces trimmed", () => {
    expect(customerEmail({ ...exampleHandoff(), customer: { email: " kim@example.net " } })).toBe("kim@example.net");
    expect(customerEmail({ ...exampleHandoff(), customer: {} })).toBe("jane.doe@contoso.com");
  });

  test("a message whose role is not a customer's gives no customer name", () => {
    const h: Handoff = { ...exampleHandoff(), customer: { email: "kim@example.net" } };
    h.messages = [{ ...h.messages[1]!, role: "agent", from: { name: "Sam Agent", email: "sam@contoso.com" } }];
    expect(incidentTitle(h)).toBe("Billing - kim@example.net");
  });
});

test("a file named only by its extension, such as .exe, is blocked like any other", () => {
  const h = exampleHandoff();
  h.messages[0]!.attachments = [{ filename: ".exe", contentType: "application/octet-stream", contentBase64: "YQ==" }];
  const { handoff } = parseHandoff(h);
  const plan = planHandoff(
    { handoff: handoff!, fullTranscript: composeValidTranscript(handoff!, { maxLength: null }) },
    SETTINGS,
    FACTS,
    { kind: "matched", id: "c1" },
    "i1",
    { newId: () => "n1", base64OfUtf8: () => "" },
  );
  expect(plan.skippedAttachments.map((s) => s.filename)).toEqual([".exe"]);
});
