import { validateTicketProperties } from "../../../core/connector/ticket-properties";
import type { TableMetadata } from "../../../core/connector/table-metadata";
import { incidentTable } from "../../fixtures/connector";

const INCIDENT = incidentTable({
  casetypecode: {
    type: "Picklist",
    options: [
      { value: 1, label: "Question" },
      { value: 2, label: "Problem" },
    ],
  },
  productserialnumber: { type: "String", maxLength: 10 },
  ticketnumber: { type: "String", readOnly: true },
  customerid: { type: "Customer", targets: ["account", "contact"] },
  primarycontactid: { type: "Lookup", targets: ["contact"] },
  parentcaseid: { type: "Lookup", targets: ["incident"] },
  productid: { type: "Lookup", targets: ["product"] },
  ownerid: { type: "Owner", targets: ["systemuser", "team"] },
  title: { type: "String", maxLength: 200 },
});
const SETS: Record<string, string> = { incident: "incidents", product: "products", contact: "contacts" };
const entitySetOf = (logicalName: string): string | undefined => SETS[logicalName];
const ID = "5a1c0f2e-8b3d-4e6f-9a7b-1c2d3e4f5a6b";

const problems = (properties: unknown, field?: string) =>
  validateTicketProperties(properties, INCIDENT, entitySetOf, field);

describe("ticket_properties: incident columns set on every case the connector creates", () => {
  test("none given, none wrong", () => {
    expect(problems(undefined)).toEqual([]);
    expect(problems(null)).toEqual([]);
  });

  test.each([[["casetypecode", 2]], ["casetypecode=2"], [7]])("%j is not a JSON object of columns", (value) => {
    expect(problems(value)).toEqual([
      {
        field: "ticket_properties",
        message: 'must be a JSON object of incident columns, such as { "casetypecode": 2 }',
      },
    ]);
  });

  test("the field is named as the caller names it", () => {
    expect(problems(7, "settings.ticket_properties")).toEqual([
      {
        field: "settings.ticket_properties",
        message: 'must be a JSON object of incident columns, such as { "casetypecode": 2 }',
      },
    ]);
  });

  test("columns that fit are accepted", () => {
    expect(
      problems({ casetypecode: 2, productserialnumber: "SN-1", "productid@odata.bind": `/products(${ID})` }),
    ).toEqual([]);
  });

  test("every problem at once, each on its own column", () => {
    expect(
      problems({
        casetypecode: "Problem",
        productserialnumber: "SN-12345678",
        nosuchcolumn: 1,
        ticketnumber: "CAS-1",
        title: "My title",
      }),
    ).toEqual([
      { field: "ticket_properties.casetypecode", message: 'is the label "Problem"; send its integer value 2 instead' },
      { field: "ticket_properties.productserialnumber", message: "is 11 characters; the column holds at most 10" },
      { field: "ticket_properties.nosuchcolumn", message: "is not a column of the incident table in this environment" },
      { field: "ticket_properties.ticketnumber", message: "is set by Dataverse and cannot be written" },
      {
        field: "ticket_properties.title",
        message: "cannot be set here: the connector writes the title as <classification> - <sender name or email>",
      },
    ]);
  });

  test("a name of Object.prototype is an unknown column, never a property", () => {
    expect(problems(JSON.parse('{"constructor": 1, "__proto__": 2, "toString": 3}'))).toEqual([
      { field: "ticket_properties.constructor", message: "is not a column of the incident table in this environment" },
      { field: "ticket_properties.__proto__", message: "is not a column of the incident table in this environment" },
      { field: "ticket_properties.toString", message: "is not a column of the incident table in this environment" },
    ]);
  });
});

describe("lookups in ticket_properties", () => {
  test("a lookup set as a value is told how to bind it, by its navigation property", () => {
    expect(problems({ productid: ID, customerid: ID, ownerid: ID })).toEqual([
      {
        field: "ticket_properties.productid",
        message: 'is a lookup: bind it as "productid@odata.bind": "/<entity set>(<id>)"',
      },
      { field: "ticket_properties.customerid", message: expect.stringMatching(/^cannot be set here: /) },
      { field: "ticket_properties.ownerid", message: "cannot be set here: set default_owner_id instead" },
    ]);
  });

  test("a lookup with several targets is bound through the navigation property of one of them", () => {
    const table: TableMetadata = {
      ...INCIDENT,
      columns: { ...INCIDENT.columns, msdyn_regarding: { type: "Lookup", targets: ["account", "contact"] } },
    };
    expect(validateTicketProperties({ msdyn_regarding: ID }, table, entitySetOf)).toEqual([
      {
        field: "ticket_properties.msdyn_regarding",
        message: 'is a lookup: bind it as "msdyn_regarding_account@odata.bind": "/<entity set>(<id>)"',
      },
    ]);
    expect(
      validateTicketProperties({ "msdyn_regarding_contact@odata.bind": `/contacts(${ID})` }, table, entitySetOf),
    ).toEqual([]);
  });

  test("a lookup without targets is still told to bind", () => {
    const table: TableMetadata = { ...INCIDENT, columns: { odd: { type: "Lookup" } } };
    expect(validateTicketProperties({ odd: ID }, table, entitySetOf)).toEqual([
      { field: "ticket_properties.odd", message: 'is a lookup: bind it as "odd@odata.bind": "/<entity set>(<id>)"' },
    ]);
  });

  test.each([
    [`/products(${ID})`, []],
    [`products({${ID.toUpperCase()}})`, []],
    [`/products(case-1)`, 'must be "/products(<id>)", not "/products(case-1)"'],
    [`/products(${ID}`, `must be "/products(<id>)", not "/products(${ID}"`],
    [`x/products(${ID})`, `must be "/products(<id>)", not "x/products(${ID})"`],
    [`/products(${ID})x`, `must be "/products(<id>)", not "/products(${ID})x"`],
    [
      `/products(${ID.replace(/-/g, "")}0000)`,
      `must be "/products(<id>)", not "/products(${ID.replace(/-/g, "")}0000)"`,
    ],
    [42, 'must be "/products(<id>)", not 42'],
    [`/contacts(${ID})`, "points to contacts, but productid takes a record of products"],
  ])("productid@odata.bind %j", (value, expected) => {
    const found = problems({ "productid@odata.bind": value });
    expect(found).toEqual(
      typeof expected === "string"
        ? [{ field: "ticket_properties.productid@odata.bind", message: expected }]
        : expected,
    );
  });

  test("a binding to a table whose entity set is not known names a placeholder, and any set is taken", () => {
    const table: TableMetadata = {
      ...INCIDENT,
      columns: { ...INCIDENT.columns, slaid: { type: "Lookup", targets: ["sla"] } },
    };
    expect(validateTicketProperties({ "slaid@odata.bind": "nope" }, table, entitySetOf)).toEqual([
      { field: "ticket_properties.slaid@odata.bind", message: 'must be "/<entity set>(<id>)", not "nope"' },
    ]);
    expect(validateTicketProperties({ "slaid@odata.bind": `/slas(${ID})` }, table, entitySetOf)).toEqual([]);
  });

  test.each([
    ["a column that is no lookup", "casetypecode@odata.bind"],
    ["a column the table lacks", "nosuch@odata.bind"],
  ])("binding %s is refused", (_what, key) => {
    expect(problems({ [key]: `/products(${ID})` })).toEqual([
      { field: `ticket_properties.${key}`, message: "is not a lookup of the incident table in this environment" },
    ]);
  });

  test("binding a connector-owned lookup, by its column or by one of its navigation properties, is refused", () => {
    expect(
      problems({
        "customerid_contact@odata.bind": `/contacts(${ID})`,
        "primarycontactid@odata.bind": `/contacts(${ID})`,
      }),
    ).toEqual([
      {
        field: "ticket_properties.customerid_contact@odata.bind",
        message: "cannot be set here: the connector links the case to the contact it finds or creates by email",
      },
      {
        field: "ticket_properties.primarycontactid@odata.bind",
        message: "cannot be set here: the connector links the case to the contact it finds or creates by email",
      },
    ]);
  });

  test("a navigation property of a lookup that is not the connector's is bound to it", () => {
    expect(problems({ "parentcaseid@odata.bind": `/incidents(${ID})` })).toEqual([]);
  });
});
