import { odataString } from "../../../core/connector/odata-literals";
import { columnOf, isChoice, isLookup, navigationProperties } from "../../../core/connector/table-metadata";

describe("the navigation properties a lookup is bound through", () => {
  test("one target: the column's own name", () => {
    expect(navigationProperties("parentcaseid", { type: "Lookup", targets: ["incident"] })).toEqual([
      ["parentcaseid", "incident"],
    ]);
  });

  test("several targets: one per target, named column_target", () => {
    expect(navigationProperties("customerid", { type: "Customer", targets: ["account", "contact"] })).toEqual([
      ["customerid_account", "account"],
      ["customerid_contact", "contact"],
    ]);
  });

  test("an owner is bound by its column's name, whether user or team", () => {
    expect(navigationProperties("ownerid", { type: "Owner", targets: ["systemuser", "team"] })).toEqual([
      ["ownerid", "systemuser"],
      ["ownerid", "team"],
    ]);
  });

  test("no targets: nothing to bind", () => {
    expect(navigationProperties("odd", { type: "Lookup" })).toEqual([]);
  });
});

describe("kinds of columns", () => {
  test.each([
    ["Lookup", true, false],
    ["Customer", true, false],
    ["Owner", true, false],
    ["Picklist", false, true],
    ["State", false, true],
    ["Status", false, true],
    ["String", false, false],
    ["Uniqueidentifier", false, false],
  ] as const)("%s: lookup %s, choice %s", (type, lookup, choice) => {
    expect([isLookup({ type }), isChoice({ type })]).toEqual([lookup, choice]);
  });

  test("a column the table has is found; a name of Object.prototype is not a column", () => {
    const table = {
      logicalName: "incident",
      entitySetName: "incidents",
      primaryIdAttribute: "incidentid",
      columns: { title: { type: "String" as const, maxLength: 200 } },
    };
    expect(columnOf(table, "title")).toEqual({ type: "String", maxLength: 200 });
    expect(columnOf(table, "constructor")).toBeUndefined();
  });
});

describe("OData string literals", () => {
  test("a quote is doubled, and the text quoted", () => {
    expect(odataString("O'Brien's")).toBe("'O''Brien''s'");
  });
});
