import { isConvertRuleRecord, ruleFromConvertRule } from "../../../core/email-to-case/convertrule";
import { ruleFromColumns } from "../../../core/email-to-case/convertrule-columns";

describe("a convertrule record with only its id: every option as Dataverse creates it", () => {
  test("a draft that creates contacts, with every option off and an owner taken as able", () => {
    expect(ruleFromColumns({ convertruleid: "r1", name: "" })).toStrictEqual({
      id: "r1",
      queueId: null,
      state: "draft",
      allowUnknownSender: false,
      senderResolution: "createContact",
      checkActiveEntitlement: false,
      checkIfResolved: false,
      resolvedSinceMinutes: null,
      sendAutomaticResponse: false,
      responseTemplateId: null,
      ownerCanCreateContacts: true,
      ownerEnabled: true,
      items: [],
    });
  });

  test("senderresolutionoption 0 creates a contact; checkactiveentitlement on is kept", () => {
    expect(ruleFromColumns({ senderresolutionoption: 0, checkactiveentitlement: true })).toMatchObject({
      id: "rule",
      senderResolution: "createContact",
      checkActiveEntitlement: true,
    });
  });

  test("an owner who is disabled and cannot create contacts is said so", () => {
    expect(ruleFromColumns({}, [], { enabled: false, canCreateContacts: false })).toMatchObject({
      ownerCanCreateContacts: false,
      ownerEnabled: false,
    });
  });

  test("the queue and template from a form's columns when the Web API's are absent", () => {
    expect(ruleFromColumns({ queueid: "q1", responsetemplateid: "t1" })).toMatchObject({
      queueId: "q1",
      responseTemplateId: "t1",
    });
  });
});

describe("reading a record as a rule", () => {
  test("what is not an object is no convertrule record", () => {
    expect(isConvertRuleRecord(null)).toBe(false);
    expect(isConvertRuleRecord("convertruleid")).toBe(false);
  });

  test("a wrong value is repeated back in the problem", () => {
    expect(ruleFromConvertRule({ statecode: 3 })).toEqual({
      ok: false,
      problems: [{ field: "statecode", message: "must be 0 (Draft) or 1 (Active), not 3" }],
    });
  });

  test("an item that is not of the rule's shape is named by its place", () => {
    const r = ruleFromConvertRule({ statecode: 1 }, [{ name: "x", matches: 5 } as never]);
    expect(r).toEqual({
      ok: false,
      problems: [{ field: "items[0].matches", message: 'must be "any", "none" or an object, not 5' }],
    });
  });
});
