import { isConvertRuleRecord, ruleFromConvertRule } from "../../../core/email-to-case/convertrule";

describe("a Dataverse convertrule record read as a rule (domain.md §1)", () => {
  const record = {
    "@odata.etag": 'W/"123"',
    convertruleid: "6f1c…",
    name: "Support email to case",
    _queueid_value: "q-guid",
    statecode: 1,
    statuscode: 2,
    allowunknownsender: true,
    senderresolutionoption: 1,
    checkactiveentitlement: false,
    checkifresolved: true,
    resolvedsince: 60,
    sendautomaticresponse: true,
    _responsetemplateid_value: "t-guid",
    _ownerid_value: "u-guid",
  };

  test("maps the logical names and choice values", () => {
    const r = ruleFromConvertRule(record, [{ name: "Any", matches: "any" }]);
    expect(r).toEqual({
      ok: true,
      value: {
        id: "6f1c…",
        name: "Support email to case",
        queueId: "q-guid",
        state: "active",
        allowUnknownSender: true,
        senderResolution: "powerAutomate",
        checkActiveEntitlement: false,
        checkIfResolved: true,
        resolvedSinceMinutes: 60,
        sendAutomaticResponse: true,
        responseTemplateId: "t-guid",
        ownerCanCreateContacts: true,
        ownerEnabled: true,
        items: [{ name: "Any", matches: "any" }],
      },
    });
  });

  test("statecode 0 is a draft; columns left out take Dataverse's defaults", () => {
    const r = ruleFromConvertRule({ statecode: 0 });
    expect(r.ok && r.value).toMatchObject({ state: "draft", allowUnknownSender: false, queueId: null, items: [] });
  });

  test("a wrong value is named by its logical name", () => {
    const r = ruleFromConvertRule({ statecode: 3, allowunknownsender: "yes" });
    expect(r.ok ? [] : r.problems.map((p) => p.field).sort()).toEqual(["allowunknownsender", "statecode"]);
  });

  test("a record is told apart from the scenario's shape by its logical names", () => {
    expect(isConvertRuleRecord(record)).toBe(true);
    expect(isConvertRuleRecord({ id: "r1", name: "Support", allowUnknownSender: true })).toBe(false);
  });
});
