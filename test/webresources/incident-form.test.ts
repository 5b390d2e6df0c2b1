import { XrmMockGenerator } from "xrm-mock";
import { NOTIFICATION_IDS, onDescriptionChange, onLoad } from "../../webresources/src/forms/incident-form";
import { EXAMPLE_TRANSCRIPT } from "../fixtures/handoffs";

interface Notification {
  message: string;
  level: string;
  uniqueId: string;
}

function formNotifications(): Notification[] {
  return (
    (XrmMockGenerator.getFormContext().ui as unknown as { formNotifications: Notification[] }).formNotifications ?? []
  ).map((n) => ({ message: n.message, level: n.level, uniqueId: n.uniqueId }));
}

function caseForm(columns: { description?: string | null; classification?: string | null; sentiment?: number | null }) {
  XrmMockGenerator.initialise();
  if (columns.description !== undefined) {
    // incident.description is a memo of 2,000 characters (research domain.md §4).
    XrmMockGenerator.Attribute.createString({ name: "description", value: columns.description ?? "", maxLength: 2000 });
  }
  if (columns.classification !== undefined) {
    XrmMockGenerator.Attribute.createString("e2c_classification", columns.classification ?? "");
  }
  if (columns.sentiment !== undefined) {
    XrmMockGenerator.Attribute.createOptionSet("e2c_sentiment", columns.sentiment ?? (null as unknown as number), [
      { text: "Negative", value: 412500001 },
      { text: "Positive", value: 412500005 },
    ]);
  }
  return XrmMockGenerator.getEventContext();
}

describe("E2C.IncidentForm on the Case form", () => {
  test("onLoad shows channel, classification and sentiment; negative sentiment as a warning", () => {
    onLoad(caseForm({ description: EXAMPLE_TRANSCRIPT }));
    expect(formNotifications()).toEqual([
      {
        message: "Handoff via email · Classification: Billing · Sentiment: Negative",
        level: "WARNING",
        uniqueId: NOTIFICATION_IDS.summary,
      },
    ]);
  });

  test("a handoff with a summary adds its first sentence; the control shows the whole of it", () => {
    const summary = "Customer was charged twice for November. She wants a refund before Friday.";
    onLoad(
      caseForm({
        description: EXAMPLE_TRANSCRIPT.replace("Sentiment: Negative\n", `Sentiment: Negative\nSummary: ${summary}\n`),
      }),
    );
    expect(formNotifications()[0]?.message).toBe(
      "Handoff via email · Classification: Billing · Sentiment: Negative · Summary: Customer was charged twice for November.",
    );
  });

  test("other sentiments are information", () => {
    onLoad(caseForm({ description: EXAMPLE_TRANSCRIPT.replace("Sentiment: Negative", "Sentiment: Neutral") }));
    expect(formNotifications()[0]?.level).toBe("INFO");
  });

  test("e2c_classification and e2c_sentiment on the form win over the transcript header", () => {
    onLoad(caseForm({ description: EXAMPLE_TRANSCRIPT, classification: "Refunds", sentiment: 412500005 }));
    expect(formNotifications()[0]).toMatchObject({
      message: "Handoff via email · Classification: Refunds · Sentiment: Positive",
      level: "INFO",
    });
  });

  test("a truncated description adds a notification saying where the full transcript is", () => {
    onLoad(caseForm({ description: EXAMPLE_TRANSCRIPT.replace(/\n--- End.*$/, "") }));
    expect(formNotifications().map((n) => n.uniqueId)).toEqual([NOTIFICATION_IDS.summary, NOTIFICATION_IDS.truncated]);
    expect(formNotifications()[1]!.message).toContain('the note "Handoff transcript"');
  });

  test("the truncation notification is information that names the note with the full transcript", () => {
    onLoad(caseForm({ description: EXAMPLE_TRANSCRIPT.replace(/\n--- End.*$/, "") }));
    expect(formNotifications()[1]).toEqual({
      message:
        'The description holds only part of the handoff transcript; the full transcript may be in the note "Handoff transcript".',
      level: "INFO",
      uniqueId: "e2c-handoff-truncated",
    });
  });

  test("re-evaluates when the description changes, replacing its own notifications", () => {
    const context = caseForm({ description: EXAMPLE_TRANSCRIPT.replace(/\n--- End.*$/, "") });
    onLoad(context);
    context.getFormContext().getAttribute("description")!.setValue(EXAMPLE_TRANSCRIPT.replace("Negative", "Positive"));
    onDescriptionChange(context);
    expect(formNotifications()).toEqual([
      { message: expect.stringContaining("Sentiment: Positive"), level: "INFO", uniqueId: NOTIFICATION_IDS.summary },
    ]);
  });

  test("clears only its own notifications", () => {
    const context = caseForm({ description: EXAMPLE_TRANSCRIPT });
    context.getFormContext().ui.setFormNotification("Someone else's message", "ERROR", "other-script");
    onLoad(context);
    context.getFormContext().getAttribute("description")!.setValue("Printer jammed.");
    onDescriptionChange(context);
    expect(formNotifications()).toEqual([
      { message: "Someone else's message", level: "ERROR", uniqueId: "other-script" },
    ]);
  });

  test("does nothing visible on a case that did not come from a handoff, and logs nothing", () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    onLoad(caseForm({ description: "Printer on floor 3 is jammed." }));
    expect(formNotifications()).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  test("a whole transcript adds no truncation note, and logs nothing", () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    onLoad(caseForm({ description: EXAMPLE_TRANSCRIPT }));
    expect(formNotifications().map((n) => n.uniqueId)).toEqual(["e2c-handoff-summary"]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  test("without the execution context (Pass execution context off) it does nothing and logs nothing", () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => onLoad(undefined as never)).not.toThrow();
    expect(() => onDescriptionChange(undefined as never)).not.toThrow();
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  test("classification and sentiment columns of another type than the solution's are ignored", () => {
    XrmMockGenerator.initialise();
    XrmMockGenerator.Attribute.createString("description", EXAMPLE_TRANSCRIPT);
    // Another solution's choice named e2c_classification, and a text e2c_sentiment holding a choice's number.
    XrmMockGenerator.Attribute.createOptionSet("e2c_classification", 1, [{ text: "Refunds", value: 1 }]);
    XrmMockGenerator.Attribute.createString("e2c_sentiment", "412500005");
    onLoad(XrmMockGenerator.getEventContext());
    expect(formNotifications()).toEqual([
      {
        message: "Handoff via email · Classification: Billing · Sentiment: Negative",
        level: "WARNING",
        uniqueId: "e2c-handoff-summary",
      },
    ]);
  });

  test("a form that fails while being read is reported in the console, not thrown at the user", () => {
    const context = caseForm({ description: EXAMPLE_TRANSCRIPT });
    const failure = new Error("The form is closing");
    jest.spyOn(context.getFormContext().ui, "setFormNotification").mockImplementation(() => {
      throw failure;
    });
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => onLoad(context)).not.toThrow();
    expect(consoleError.mock.calls).toEqual([["E2C.IncidentForm:", failure]]);
    consoleError.mockRestore();
  });

  test("never throws on a form without these columns, or an empty form", () => {
    expect(() => onLoad(caseForm({}))).not.toThrow();
    expect(formNotifications()).toEqual([]);
    expect(() => onLoad(caseForm({ description: null, classification: null, sentiment: null }))).not.toThrow();
    expect(() => onLoad(undefined as never)).not.toThrow();
  });
});
