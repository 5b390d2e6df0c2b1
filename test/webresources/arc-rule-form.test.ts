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
const OTHER_QUEUE_ID = "{5a1e0000-0000-0000-0000-00000000000c}";
const RULE_ID = "{7b2e0000-0000-0000-0000-00000000000b}";

interface WebApiAnswers {
  items?: { name: string; conditionxml: string | null }[] | Error;
  queue?: Record<string, unknown> | Error;
  /** The queue with OTHER_QUEUE_ID, for a rule whose queue is changed on the form. */
  otherQueue?: Record<string, unknown> | Error;
  mailbox?: Record<string, unknown> | Error;
  /** The Web API has not answered yet (and does not within the test). */
  pending?: boolean;
}

/** Xrm.WebApi faked per test: xrm-mock leaves it unimplemented. */
function fakeWebApi(answers: WebApiAnswers) {
  const answer = <T>(value: T | Error | undefined, fallback: T): Promise<T> =>
    answers.pending
      ? new Promise<T>(() => undefined)
      : value instanceof Error
        ? Promise.reject(value)
        : Promise.resolve(value ?? fallback);
  const retrieveMultipleRecords = jest.spyOn(Xrm.WebApi, "retrieveMultipleRecords").mockImplementation(((
    entity: string,
  ) => {
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
  const retrieveRecord = jest.spyOn(Xrm.WebApi, "retrieveRecord").mockImplementation(((_entity: string, id: string) =>
    id === "5a1e0000-0000-0000-0000-00000000000c"
      ? answer(answers.otherQueue, {
          name: "Sales",
          emailaddress: "sales@contoso.com",
          incomingemailfilteringmethod: 0,
        })
      : answer(answers.queue, {
          name: "Support",
          emailaddress: "support@contoso.com",
          incomingemailfilteringmethod: 0,
        })) as never);
  return { retrieveMultipleRecords, retrieveRecord };
}

interface FormShape {
  /** Columns the form does not have at all (neither in the record's attributes nor as a control). */
  without?: string[];
  /** A new rule that has not been saved: it has no id yet. */
  unsaved?: boolean;
}

function ruleForm(columns: Record<string, unknown> = {}, answers: WebApiAnswers = {}, shape: FormShape = {}) {
  XrmMockGenerator.initialise({ entity: { id: RULE_ID, entityName: "convertrule" } } as never);
  // A record not saved yet has no id: getId() returns "" (xrm-mock would make one up).
  if (shape.unsaved) jest.spyOn(XrmMockGenerator.getFormContext().data.entity, "getId").mockReturnValue("");
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
  const on = (name: string) => !shape.without?.includes(name);
  if (on("name")) XrmMockGenerator.Attribute.createString("name", "Support email to case");
  for (const name of ["allowunknownsender", "checkactiveentitlement", "checkifresolved", "sendautomaticresponse"]) {
    if (on(name)) XrmMockGenerator.Attribute.createBoolean(name, values[name] as boolean);
  }
  XrmMockGenerator.Attribute.createNumber("resolvedsince", values.resolvedsince as number);
  if (on("statecode"))
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
  if (on("responsetemplateid"))
    XrmMockGenerator.Attribute.createLookup(
      "responsetemplateid",
      values.responsetemplateid
        ? [{ id: "{11111111-0000-0000-0000-000000000001}", entityType: "template", name: "Ack" }]
        : [],
    );
  const webApi = fakeWebApi(answers);
  return Object.assign(XrmMockGenerator.getEventContext(), { webApi });
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

  test("the outcome note is a recommendation on 'Create contact for unknown sender' with one action", async () => {
    await onLoad(ruleForm({ statecode: 1 }));
    const [note] = fieldNotifications("allowunknownsender");
    expect(note).toMatchObject({
      uniqueId: "e2c-arc-outcomes",
      notificationLevel: "RECOMMENDATION",
      messages: ["With these settings, 9 of 13 kinds of incoming email become a case."],
    });
    expect(note!.actions!.map((a) => a.message)).toEqual(["Show what happens to each kind of incoming email"]);
  });

  test("the outcome dialog is centred, 70 % wide and 80 % high, titled for what it shows", async () => {
    await onLoad(ruleForm({ statecode: 1 }));
    const navigateTo = jest.spyOn(Xrm.Navigation, "navigateTo").mockResolvedValue(undefined as never);
    fieldNotifications("allowunknownsender")[0]!.actions![0]!.actions[0]!();
    expect(navigateTo.mock.calls[0]![1]).toEqual({
      target: 2,
      position: 1,
      width: { value: 70, unit: "%" },
      height: { value: 80, unit: "%" },
      title: "What happens to incoming email",
    });
  });

  test("the outcome dialog gets the rule with its name, id, queue, template and the items read", async () => {
    await onLoad(
      ruleForm(
        { statecode: 1, sendautomaticresponse: true, responsetemplateid: true },
        { items: [{ name: "Billing", conditionxml: "<condition/>" }] },
      ),
    );
    const navigateTo = jest.spyOn(Xrm.Navigation, "navigateTo").mockResolvedValue(undefined as never);
    fieldNotifications("allowunknownsender")[0]!.actions![0]!.actions[0]!();
    expect(JSON.parse((navigateTo.mock.calls[0]![0] as { data: string }).data)).toEqual({
      id: "{7b2e0000-0000-0000-0000-00000000000b}",
      name: "Support email to case",
      queueId: "{5a1e0000-0000-0000-0000-00000000000a}",
      state: "active",
      allowUnknownSender: true,
      senderResolution: "createContact",
      checkActiveEntitlement: false,
      checkIfResolved: false,
      resolvedSinceMinutes: null,
      sendAutomaticResponse: true,
      responseTemplateId: "{11111111-0000-0000-0000-000000000001}",
      ownerCanCreateContacts: true,
      ownerEnabled: true,
      items: [{ name: "Billing", matches: { subjectContains: "" } }],
    });
  });

  test("the outcome dialog of a new rule gets the placeholder id and the catch-all item it is checked with", async () => {
    await onLoad(ruleForm({ statecode: 1 }, {}, { unsaved: true }));
    const navigateTo = jest.spyOn(Xrm.Navigation, "navigateTo").mockResolvedValue(undefined as never);
    fieldNotifications("allowunknownsender")[0]!.actions![0]!.actions[0]!();
    expect(JSON.parse((navigateTo.mock.calls[0]![0] as { data: string }).data)).toMatchObject({
      id: "rule",
      items: [{ name: "", matches: "any" }],
    });
  });

  test("a form without the Name and Response template columns is still checked", async () => {
    await onLoad(
      ruleForm({ statecode: 1, sendautomaticresponse: true }, {}, { without: ["name", "responsetemplateid"] }),
    );
    expect(formNotifications().map((n) => [n.uniqueId, n.level])).toEqual([
      ["e2c-arc-auto-response-without-template", "ERROR"],
      ["e2c-arc-summary", "ERROR"],
    ]);
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

  test("a finding on a column shows what is wrong and what to do", async () => {
    await onLoad(ruleForm({ checkactiveentitlement: true, statecode: 1 }));
    expect(fieldNotifications("checkactiveentitlement")[0]!.messages).toEqual([
      "Unknown senders are allowed and a valid entitlement is required: a contact is created for each unknown sender, but never a case, because a new contact has no entitlement.",
      "Clear one of the two options, depending on whether unknown senders should get cases.",
    ]);
  });

  test("a draft rule otherwise complete has a warning summary: 1 warning", async () => {
    await onLoad(ruleForm());
    expect(formNotifications()).toEqual([
      {
        message: "This rule has 1 warning: see the marked fields and the notes above.",
        level: "WARNING",
        uniqueId: "e2c-arc-summary",
      },
    ]);
  });

  test("the summary counts errors and warnings together: 2 errors and 2 warnings", async () => {
    await onLoad(ruleForm({ checkactiveentitlement: true, sendautomaticresponse: true, resolvedsince: -5 }));
    expect(formNotifications()).toEqual([
      {
        message: "This rule has 2 errors and 2 warnings: see the marked fields and the notes above.",
        level: "ERROR",
        uniqueId: "e2c-arc-summary",
      },
    ]);
  });

  test("a finding about a column the form does not show is a form notification at its level, with its advice", async () => {
    await onLoad(ruleForm({}, {}, { without: ["statecode"] }));
    expect(formNotifications()).toEqual([
      {
        message:
          "The rule is in draft: it processes no email until it is activated. Activate the rule when its settings are complete.",
        level: "WARNING",
        uniqueId: "e2c-arc-rule-is-draft",
      },
      {
        message: "This rule has 1 warning: see the marked fields and the notes above.",
        level: "WARNING",
        uniqueId: "e2c-arc-summary",
      },
    ]);
  });

  test("without the outcome column on the form, the findings and the summary are still shown", async () => {
    await onLoad(ruleForm({ statecode: 1, sendautomaticresponse: true }, {}, { without: ["allowunknownsender"] }));
    expect(formNotifications().map((n) => [n.uniqueId, n.level])).toEqual([
      ["e2c-arc-unknown-senders-rejected", "INFO"],
      ["e2c-arc-summary", "ERROR"],
    ]);
    expect(fieldNotifications("responsetemplateid").map((n) => n.uniqueId)).toEqual([
      "e2c-arc-auto-response-without-template",
    ]);
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

  test("reads this rule's items in order, its queue and the queue's mailbox, by the ids on the form", async () => {
    const context = ruleForm({ statecode: 1 });
    await onLoad(context);
    expect(context.webApi.retrieveMultipleRecords.mock.calls).toEqual([
      [
        "convertruleitem",
        "?$select=name,sequencenumber,conditionxml,_convertruleid_value&$filter=_convertruleid_value eq 7b2e0000-0000-0000-0000-00000000000b&$orderby=sequencenumber asc",
      ],
      [
        "mailbox",
        "?$select=_regardingobjectid_value,incomingemaildeliverymethod,incomingemailstatus,enabledforincomingemail&$filter=_regardingobjectid_value eq 5a1e0000-0000-0000-0000-00000000000a&$top=1",
      ],
    ]);
    expect(context.webApi.retrieveRecord.mock.calls).toEqual([
      [
        "queue",
        "5a1e0000-0000-0000-0000-00000000000a",
        "?$select=queueid,name,emailaddress,incomingemailfilteringmethod",
      ],
    ]);
  });

  test("a queue finding names the queue as read", async () => {
    await onLoad(
      ruleForm({ statecode: 1 }, { queue: { name: "Support", emailaddress: null, incomingemailfilteringmethod: 0 } }),
    );
    expect(fieldNotifications("queueid")[0]!.messages[0]).toBe(
      'Queue "Support" has no email address, so no email reaches it.',
    );
  });

  test("before the Web API answers, the form is already checked as if the rule had a catch-all item", () => {
    void onLoad(ruleForm({}, { pending: true }));
    expect(formNotifications()).toEqual([
      {
        message: "This rule has 1 warning: see the marked fields and the notes above.",
        level: "WARNING",
        uniqueId: "e2c-arc-summary",
      },
    ]);
    expect(fieldNotifications("allowunknownsender")[0]!.messages).toEqual([
      "With these settings, 9 of 13 kinds of incoming email become a case.",
    ]);
  });

  test.each([
    [
      "the rule's items",
      { items: new Error("403 Principal user is missing prvReadConvertRule") },
      "Could not read the rule's items (403 Principal user is missing prvReadConvertRule), so the checks that need it were skipped. Open the form as a user who can read queues, mailboxes and rule items, or use the email-to-case health page.",
    ],
    [
      "the queue and its mailbox",
      { queue: new Error("403 Principal user is missing prvReadQueue") },
      "Could not read the queue and its mailbox (403 Principal user is missing prvReadQueue), so the checks that need it were skipped. Open the form as a user who can read queues, mailboxes and rule items, or use the email-to-case health page.",
    ],
  ])("a forbidden read of %s is information, the only note on a complete rule", async (_what, answers, message) => {
    await onLoad(ruleForm({ statecode: 1 }, answers));
    expect(formNotifications()).toEqual([{ message, level: "INFO", uniqueId: "e2c-arc-context-unavailable" }]);
  });

  test("a new rule, not saved yet, reads no items and is checked as if it had a catch-all item", async () => {
    const context = ruleForm({ statecode: 1 }, {}, { unsaved: true });
    await onLoad(context);
    expect(context.webApi.retrieveMultipleRecords).not.toHaveBeenCalledWith("convertruleitem", expect.anything());
    expect(formNotifications()).toEqual([]);
  });

  test("a rule with no queue reads none and has an error on Queue to monitor", async () => {
    const context = ruleForm({ statecode: 1, queueid: null });
    await onLoad(context);
    expect(context.webApi.retrieveRecord).not.toHaveBeenCalled();
    expect(fieldNotifications("queueid").map((n) => [n.uniqueId, n.notificationLevel])).toEqual([
      ["e2c-arc-no-queue", "ERROR"],
    ]);
    expect(formNotifications().map((n) => n.uniqueId)).toEqual(["e2c-arc-summary"]);
  });

  test("a Queue to monitor that reads as an empty list (not null) is no queue either", async () => {
    const context = ruleForm({ statecode: 1 });
    jest.spyOn(form().getAttribute<Xrm.Attributes.LookupAttribute>("queueid")!, "getValue").mockReturnValue([]);
    await onLoad(context);
    expect(context.webApi.retrieveRecord).not.toHaveBeenCalled();
    expect(fieldNotifications("queueid").map((n) => [n.uniqueId, n.notificationLevel])).toEqual([
      ["e2c-arc-no-queue", "ERROR"],
    ]);
  });

  test("items that follow a catch-all are not judged: their conditions are not read on the form", async () => {
    await onLoad(
      ruleForm(
        { statecode: 1 },
        {
          items: [
            { name: "Any incoming email", conditionxml: null },
            { name: "Billing", conditionxml: "<condition/>" },
          ],
        },
      ),
    );
    expect(formNotifications()).toEqual([]);
  });

  test("changing a column other than the queue does not read the queue again", async () => {
    const context = ruleForm({ statecode: 1 });
    await onLoad(context);
    form().getAttribute("checkifresolved")!.setValue(true);
    await onChange(context);
    expect(context.webApi.retrieveRecord).toHaveBeenCalledTimes(1);
  });

  test("choosing another queue reads that queue, and the rule keeps its items", async () => {
    const context = ruleForm(
      { statecode: 1 },
      { items: [], otherQueue: { name: "Sales", emailaddress: "sales@contoso.com", incomingemailfilteringmethod: 4 } },
    );
    await onLoad(context);
    form()
      .getAttribute<Xrm.Attributes.LookupAttribute>("queueid")!
      .setValue([{ id: OTHER_QUEUE_ID, entityType: "queue", name: "Sales" }]);
    await onChange(context);
    expect(fieldNotifications("queueid").map((n) => n.messages[0])).toEqual([
      'Queue "Sales" converts no incoming email to activities ("No email messages"), so it never gets a queue item.',
    ]);
    expect(formNotifications().map((n) => n.uniqueId)).toEqual(["e2c-arc-no-rule-items", "e2c-arc-summary"]);
  });

  test("a rule without a queue is not read again on each change, and the change is checked", async () => {
    const context = ruleForm({ statecode: 1, queueid: null });
    await onLoad(context);
    form().getAttribute("checkifresolved")!.setValue(true);
    await onChange(context);
    expect(context.webApi.retrieveMultipleRecords).toHaveBeenCalledTimes(1);
    expect(fieldNotifications("queueid").map((n) => n.uniqueId)).toEqual(["e2c-arc-no-queue"]);
    expect(fieldNotifications("resolvedsince").map((n) => n.uniqueId)).toEqual(["e2c-arc-resolved-wait-missing"]);
  });

  test("choosing a readable queue clears the note about the one that could not be read", async () => {
    const context = ruleForm({ statecode: 1 }, { queue: new Error("403 Principal user is missing prvReadQueue") });
    await onLoad(context);
    form()
      .getAttribute<Xrm.Attributes.LookupAttribute>("queueid")!
      .setValue([{ id: OTHER_QUEUE_ID, entityType: "queue", name: "Sales" }]);
    await onChange(context);
    expect(formNotifications()).toEqual([]);
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

  test("a blocked save names every error, in one error notification in place of the summary", async () => {
    const context = ruleForm({ statecode: 1, sendautomaticresponse: true, resolvedsince: -5 });
    await onLoad(context);
    const save = saveContext(context);
    onSave(save.context as never);
    expect(formNotifications()).toEqual([
      {
        message:
          "The rule was not saved: The wait after resolution is -5 minutes; it cannot be negative. Automatic response is on, but no email template is selected, so no response is sent.",
        level: "ERROR",
        uniqueId: "e2c-arc-summary",
      },
    ]);
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

  test("a form that fails while being checked is reported in the console, not thrown at the user", async () => {
    const context = ruleForm(); // a draft: the summary is set
    const failure = new Error("The form is closing");
    jest.spyOn(form().ui, "setFormNotification").mockImplementation(() => {
      throw failure;
    });
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(onLoad(context)).resolves.toBeUndefined();
    await expect(onChange(context)).resolves.toBeUndefined();
    expect(consoleError.mock.calls).toEqual([
      ["E2C.ArcRuleForm:", failure],
      ["E2C.ArcRuleForm:", failure],
    ]);
  });

  test("never throws on a form without the columns", async () => {
    XrmMockGenerator.initialise();
    fakeWebApi({});
    await expect(onLoad(XrmMockGenerator.getEventContext())).resolves.toBeUndefined();
    await expect(onLoad(undefined as never)).resolves.toBeUndefined();
  });

  test("without the execution context (Pass execution context off) the handlers do nothing and log nothing", async () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(onLoad(undefined as never)).resolves.toBeUndefined();
    await expect(onChange(undefined as never)).resolves.toBeUndefined();
    expect(() => onSave(undefined as never)).not.toThrow();
    expect(consoleError).not.toHaveBeenCalled();
  });
});
