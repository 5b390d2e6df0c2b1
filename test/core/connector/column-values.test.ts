import { columnValueProblem, isGuid, listOptions, optionByLabel } from "../../../core/connector/column-values";
import type { ColumnMetadata } from "../../../core/connector/table-metadata";

const PRIORITY: ColumnMetadata = {
  type: "Picklist",
  options: [
    { value: 1, label: "High" },
    { value: 2, label: "Normal" },
    { value: 3, label: "Low" },
  ],
};
const OPTIONS_SAID = "1 (High), 2 (Normal), 3 (Low)";

describe("GUIDs", () => {
  test.each([
    ["5a1c0f2e-8b3d-4e6f-9a7b-1c2d3e4f5a6b", true],
    ["5A1C0F2E-8B3D-4E6F-9A7B-1C2D3E4F5A6B", true],
    ["{5a1c0f2e-8b3d-4e6f-9a7b-1c2d3e4f5a6b}", true],
    ["5a1c0f2e8b3d4e6f9a7b1c2d3e4f5a6b", false],
    ["x5a1c0f2e-8b3d-4e6f-9a7b-1c2d3e4f5a6b", false],
    ["5a1c0f2e-8b3d-4e6f-9a7b-1c2d3e4f5a6bx", false],
    ["{{5a1c0f2e-8b3d-4e6f-9a7b-1c2d3e4f5a6b}}", false],
  ])("%s is a GUID: %s", (text, expected) => {
    expect(isGuid(text)).toBe(expected);
  });

  test("a number is no GUID", () => {
    expect(isGuid(42)).toBe(false);
  });
});

describe("choice options in the admin's words", () => {
  test("each option as its value and label", () => {
    expect(listOptions(PRIORITY.options!)).toBe(OPTIONS_SAID);
  });

  test("a label is found whatever its case and the spaces around it", () => {
    expect(optionByLabel(PRIORITY.options!, "  normal ")).toEqual({ value: 2, label: "Normal" });
    expect(optionByLabel(PRIORITY.options!, "Urgent")).toBeUndefined();
  });
});

describe("whether a value fits a column", () => {
  test("null clears any column", () => {
    expect(columnValueProblem(null, { type: "Integer" })).toBeNull();
    expect(columnValueProblem(null, PRIORITY)).toBeNull();
  });

  test.each([
    ["a label sent for a choice", "normal", 'is the label "Normal"; send its integer value 2 instead'],
    ["text that is no label", "Urgent", `must be an integer option value, not text: one of ${OPTIONS_SAID}`],
    ["a fraction", 1.5, `must be an integer option value: one of ${OPTIONS_SAID}`],
    ["a value outside the option set", 7, `7 is not one of the column's options: ${OPTIONS_SAID}`],
  ])("a choice refuses %s", (_what, value, problem) => {
    expect(columnValueProblem(value, PRIORITY)).toBe(problem);
  });

  test("a choice takes one of its values", () => {
    expect(columnValueProblem(3, PRIORITY)).toBeNull();
  });

  test("a status column is a choice too, and a choice without options takes nothing", () => {
    expect(columnValueProblem(1, { type: "Status", options: [{ value: 1, label: "In Progress" }] })).toBeNull();
    expect(columnValueProblem(1, { type: "State" })).toBe("1 is not one of the column's options: ");
  });

  test.each(["Lookup", "Customer", "Owner"] as const)("a %s column is bound, never set", (type) => {
    expect(columnValueProblem("5a1c0f2e-8b3d-4e6f-9a7b-1c2d3e4f5a6b", { type })).toBe(
      'is a lookup: bind it as "<column>@odata.bind": "/<entity set>(<id>)" instead',
    );
  });

  test.each([
    ["String", "abcd", null],
    ["Memo", "abcde", "is 5 characters; the column holds at most 4"],
    ["String", 12, "must be text, not number 12"],
    ["String", ["a"], "must be text, not a list"],
    ["Memo", { a: 1 }, "must be text, not an object"],
  ] as const)("a %s column of 4 characters and %j", (type, value, problem) => {
    expect(columnValueProblem(value, { type, maxLength: 4 })).toBe(problem);
  });

  test("text of any length fits a text column whose length is not known", () => {
    expect(columnValueProblem("x".repeat(5000), { type: "Memo" })).toBeNull();
  });

  test("text is quoted, and cut after 40 characters, when it is the wrong type", () => {
    expect(columnValueProblem("x".repeat(40), { type: "Integer" })).toBe(
      `must be a whole number, not the text "${"x".repeat(40)}"`,
    );
    expect(columnValueProblem("y".repeat(41), { type: "Integer" })).toBe(
      `must be a whole number, not the text "${"y".repeat(40)}…"`,
    );
  });

  test.each([
    ["Integer", 3, null],
    ["BigInt", -9, null],
    ["BigInt", 0.5, "must be a whole number, not number 0.5"],
    ["Double", "x", 'must be a number, not the text "x"'],
    ["Integer", 2.5, "must be a whole number, not number 2.5"],
    ["Decimal", 2.5, null],
    ["Double", -0.1, null],
    ["Money", 10, null],
    ["Money", Infinity, "must be a number, not number Infinity"],
    ["Decimal", "2.5", 'must be a number, not the text "2.5"'],
    ["Boolean", false, null],
    ["Boolean", "true", 'must be true or false, not the text "true"'],
    ["DateTime", "2026-11-20", null],
    ["DateTime", "2026-11-20T09:14", null],
    ["DateTime", "2026-11-20T09:14:03.5+01:00", null],
    ["DateTime", "2026-11-20T09:14:03Z", null],
    ["DateTime", "2026-13-40", 'must be an ISO 8601 date such as 2026-11-20T09:14:03Z, not the text "2026-13-40"'],
    ["DateTime", "20 Nov 2026", 'must be an ISO 8601 date such as 2026-11-20T09:14:03Z, not the text "20 Nov 2026"'],
    ["DateTime", "x2026-11-20", 'must be an ISO 8601 date such as 2026-11-20T09:14:03Z, not the text "x2026-11-20"'],
    ["DateTime", "2026-11-20x", 'must be an ISO 8601 date such as 2026-11-20T09:14:03Z, not the text "2026-11-20x"'],
    ["DateTime", 20261120, "must be an ISO 8601 date such as 2026-11-20T09:14:03Z, not number 20261120"],
    ["Uniqueidentifier", "{5a1c0f2e-8b3d-4e6f-9a7b-1c2d3e4f5a6b}", null],
    ["Uniqueidentifier", "case-1", 'must be a GUID, not the text "case-1"'],
    ["Virtual", { any: "thing" }, null],
  ] as const)("a %s column and %j", (type, value, problem) => {
    expect(columnValueProblem(value, { type })).toBe(problem);
  });
});
