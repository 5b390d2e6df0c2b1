import { XrmMockGenerator } from "xrm-mock";
import {
  onChange,
  onLoad,
  onSave,
  OUTCOMES_NOTIFICATION,
  OUTCOMES_PAGE,
  SUMMARY_NOTIFICATION,
} from "../../webresources/src/forms/arc-rule-form";

interface FormNotification {
  message: string;
  level: string;
  uniqueId: string;
}

const QUEUE_ID = "{5a1e0000-0000-0000-0000-00000000000a}";
const RULE_ID = "{7b2e0000-0000-0000-0000-00000000000b}";

interface WebApiAnswers {
  items?: { name: string; conditionxml: string | null }[] | Error;
  queue?: Record<string, unknown> | Error;
  mailbox?: Record<string, unknown> | Error;
}

/** Xrm.WebApi faked per test: xrm-mock leaves it unimplemented. */
function fakeWebApi(answers: WebApiAnswers) {
  const answer = <T>(value: T | Error | undefined, fallback: T): Promise<T> =>
    value instanceof Error ? Promise.reject(value) : Promise.resolve(value ?? fallback);
  jest.spyOn(Xrm.WebApi, "retrieveMultipleRecords").mockImplementation(((entity: string) => {
    if (entity === "convertruleitem")
      return answer(answers.items, [{ name: "Any incoming email", conditionxml: null }]).then((entities) => ({
        entities,
      }));
    return answer(answers.mailbox, {
      incomingemaildeliverymethod: 2,
      incomingemailstatus: 1,
      enabledforincomingemail: true,
    }).then((mailbox) => ({ entities: [mailbox] }));
  }) as never);
  jest.spyOn(Xrm.WebApi, "retrieveRecord").mockImplementation((() =>
    answer(answers.queue, {
      name: "Support",
      emailaddress: "support@contoso.com",
      incomingemailfilteringmethod: 0,
    })) as never);
}

function ruleForm(columns: Record<string, unknown> = {}, answers: WebApiAnswers = {}) {
  XrmMockGenerator.initialise({ entity: { id: RULE_ID, entityName: "convertrule" } } as never);
  const values: Record<string, unknown> = {
    allowunknownsender: true,
    senderresolutionoption: 0,
    checkactiveentitlement: false,
    checkifresolved: false,
    resolvedsince: null,
    sendautomaticresponse: false,
    statecode: 0,
    ...columns,
  };
  XrmMockGenerator.Attribute.createString("name", "Support email to case");
  for (const name of ["allowunknownsender", "checkactiveentitlement", "checkifresolved", "sendautomaticresponse"]) {
    XrmMockGenerator.Attribute.createBoolean(name, values[name] as boolean);
  }
  XrmMockGenerator.Attribute.createNumber("resolvedsince", values.resolvedsince as number);
  XrmMockGenerator.Attribute.createOptionSet("statecode", values.statecode as number, [
    { text: "Draft", value: 0 },
    { text: "Active", value: 1 },
  ]);
  XrmMockGenerator.Attribute.createOptionSet("senderresolutionoption", values.senderresolutionoption as number, [
    { text: "Create contact", value: 0 },
    { text: "Power Automate", value: 1 },
  ]);
  XrmMockGenerator.Attribute.createLookup(
    "queueid",
    values.queueid === null ? [] : [{ id: QUEUE_ID, entityType: "queue", name: "Support" }],
  );
  XrmMockGenerator.Attribute.createLookup(
    "responsetemplateid",
    values.responsetemplateid
      ? [{ id: "{11111111-0000-0000-0000-000000000001}", entityType: "template", name: "Ack" }]
      : [],
  );
  fakeWebApi(answers);
  return XrmMockGenerator.getEventContext();
}

const form = () => XrmMockGenerator.getFormContext();
const formNotifications = (): FormNotification[] =>
  ((form().ui as unknown as { formNotifications: FormNotification[] }).formNotifications ?? []).map((n) => ({
    message: n.message,
    level: n.level,
    uniqueId: n.uniqueId,
  }));
const fieldNotifications = (column: string) =>
  (
    form().getControl(column) as unknown as { getNotifications(): Xrm.Controls.AddControlNotificationOptions[] }
  ).getNotifications();

function saveContext(context: Xrm.Events.EventContext) {
  const preventDefault = jest.fn();
  return {
    context: { ...context, getFormContext: () => context.getFormContext(), getEventArgs: () => ({ preventDefault }) },
    preventDefault,
  };
}

afterEach(() => jest.restoreAllMocks());

describe("E2C.ArcRuleForm on the record creation rule form", () => {
  test("a complete rule shows nothing but the draft note and the outcome summary", async () => {
    await onLoad(ruleForm());
    expect(formNotifications().map((n) => n.uniqueId)).toEqual([SUMMARY_NOTIFICATION]);
    expect(fieldNotifications("allowunknownsender").map((n) => n.uniqueId)).toEqual([OUTCOMES_NOTIFICATION]);
    expect(fieldNotifications("statecode").map((n) => n.uniqueId)).toEqual(["e2c-arc-rule-is-draft"]);
  });

  test("says how many kinds of incoming email become a case, and updates on every change", async () => {
    const context = ruleForm({ statecode: 1 });
    await onLoad(context);
    const outcome = () => fieldNotifications("allowunknownsender").find((n) => n.uniqueId === OUTCOMES_NOTIFICATION)!;
    expect(outcome().messages[0]).toBe("With these settings, 9 of 13 kinds of incoming email become a case.");
    form().getAttribute("allowunknownsender")!.setValue(false);
    await onChange(context);
    expect(outcome().messages[0]).toBe("With these settings, 6 of 13 kinds of incoming email become a case.");
  });

  test("its action opens the outcome table of the rule as it is on the form, as a dialog", async () => {
    const context = ruleForm({ statecode: 1, checkifresolved: true, resolvedsince: 60 });
    await onLoad(context);
    const navigateTo = jest.spyOn(Xrm.Navigation, "navigateTo").mockResolvedValue(undefined as never);
    const outcome = fieldNotifications("allowunknownsender").find((n) => n.uniqueId === OUTCOMES_NOTIFICATION)!;
    outcome.actions![0]!.actions[0]!();
    const [page, options] = navigateTo.mock.calls[0]!;
    expect(page).toMatchObject({ pageType: "webresource", webresourceName: OUTCOMES_PAGE });
    expect(JSON.parse((page as { data: string }).data)).toMatchObject({
      checkIfResolved: true,
      resolvedSinceMinutes: 60,
      state: "active",
    });
    expect(options).toMatchObject({ target: 2 });
  });

  test("each finding is shown on the column it is about", async () => {
    await onLoad(ruleForm({ checkactiveentitlement: true, statecode: 1 }));
    const notes = fieldNotifications("checkactiveentitlement");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      uniqueId: "e2c-arc-unknown-senders-never-entitled",
      notificationLevel: "RECOMMENDATION",
    });
    expect(notes[0]!.messages[0]).toContain("never a case");
  });

  test("errors are errors on their column, and the summary says how many", async () => {
    await onLoad(ruleForm({ sendautomaticresponse: true, statecode: 1 }));
    expect(fieldNotifications("responsetemplateid")[0]).toMatchObject({ notificationLevel: "ERROR" });
    expect(formNotifications().find((n) => n.uniqueId === SUMMARY_NOTIFICATION)).toMatchObject({
      level: "ERROR",
      message: "This rule has 1 error: see the marked fields and the notes above.",
    });
  });

  test("a fixed finding is cleared on change", async () => {
    const context = ruleForm({ sendautomaticresponse: true, statecode: 1 });
    await onLoad(context);
    form().getAttribute("sendautomaticresponse")!.setValue(false);
    await onChange(context);
    expect(fieldNotifications("responsetemplateid")).toEqual([]);
    expect(formNotifications()).toEqual([]);
    expect(fieldNotifications("allowunknownsender").map((n) => n.uniqueId)).toEqual([OUTCOMES_NOTIFICATION]);
  });

  test("the rule's items are read: no items is an error on the form", async () => {
    await onLoad(ruleForm({ statecode: 1 }, { items: [] }));
    expect(formNotifications().find((n) => n.uniqueId === "e2c-arc-no-rule-items")?.level).toBe("ERROR");
  });

  test("the queue and its mailbox are read: a queue that converts no email is an error on the queue", async () => {
    await onLoad(
      ruleForm(
        { statecode: 1 },
        { queue: { name: "Support", emailaddress: "support@contoso.com", incomingemailfilteringmethod: 4 } },
      ),
    );
    expect(fieldNotifications("queueid").map((n) => [n.uniqueId, n.notificationLevel])).toContainEqual([
      "e2c-arc-queue-accepts-no-email",
      "ERROR",
    ]);
  });

  test("a mailbox that failed its test is an error on the queue", async () => {
    await onLoad(
      ruleForm(
        { statecode: 1 },
        { mailbox: { incomingemaildeliverymethod: 2, incomingemailstatus: 2, enabledforincomingemail: true } },
      ),
    );
    expect(fieldNotifications("queueid").map((n) => n.uniqueId)).toContain("e2c-arc-queue-mailbox-test-failed");
  });

  test("a forbidden read (403) is information, not an error", async () => {
    await onLoad(
      ruleForm({ statecode: 1 }, { queue: new Error("403 Principal user is missing prvReadQueue privilege") }),
    );
    const note = formNotifications().find((n) => n.uniqueId === "e2c-arc-context-unavailable");
    expect(note?.level).toBe("INFO");
    expect(note?.message).toContain("prvReadQueue");
    expect(formNotifications().find((n) => n.uniqueId === SUMMARY_NOTIFICATION)).toBeUndefined();
  });

  test("onSave blocks the save for an error, saying why", async () => {
    const context = ruleForm({ sendautomaticresponse: true, statecode: 1 });
    await onLoad(context);
    const save = saveContext(context);
    onSave(save.context as never);
    expect(save.preventDefault).toHaveBeenCalledTimes(1);
    expect(formNotifications().find((n) => n.uniqueId === SUMMARY_NOTIFICATION)?.message).toMatch(
      /^The rule was not saved: Automatic response is on/,
    );
  });

  test("warnings never block a save", async () => {
    const context = ruleForm({ checkactiveentitlement: true });
    await onLoad(context);
    const save = saveContext(context);
    onSave(save.context as never);
    expect(save.preventDefault).not.toHaveBeenCalled();
  });

  test("clears only its own notifications", async () => {
    const context = ruleForm({ sendautomaticresponse: true, statecode: 1 });
    form().ui.setFormNotification("Another script's note", "INFO", "other");
    await onLoad(context);
    form().getAttribute("sendautomaticresponse")!.setValue(false);
    await onChange(context);
    expect(formNotifications()).toEqual([{ message: "Another script's note", level: "INFO", uniqueId: "other" }]);
  });

  test("never throws on a form without the columns", async () => {
    XrmMockGenerator.initialise();
    fakeWebApi({});
    await expect(onLoad(XrmMockGenerator.getEventContext())).resolves.toBeUndefined();
    await expect(onLoad(undefined as never)).resolves.toBeUndefined();
  });
});
