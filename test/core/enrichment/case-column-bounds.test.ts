import { caseColumnValues, columnsToWrite, hasNoCaseColumns } from "../../../core/enrichment/case-columns";

describe("a handoff id is kept only when it fits its column whole", () => {
  it("keeps an id exactly as long as the column", () => {
    expect(caseColumnValues({ handoffId: "abcde" }, { e2c_handoffid: 5 })).toEqual({ e2c_handoffid: "abcde" });
  });

  it("leaves out an id one character longer than the column", () => {
    expect(caseColumnValues({ handoffId: "abcdef" }, { e2c_handoffid: 5 })).toEqual({});
  });

  it("leaves out an id of spaces only", () => {
    expect(caseColumnValues({ handoffId: "   " })).toEqual({});
  });
});

describe("a session link is kept only when it is a whole http(s) address that fits", () => {
  it("keeps a link written with spaces around it, without the spaces", () => {
    expect(caseColumnValues({ sessionUrl: "  https://support.example.com/s/1  " })).toEqual({
      e2c_sessionurl: "https://support.example.com/s/1",
    });
  });

  it("keeps a link exactly as long as the column", () => {
    expect(caseColumnValues({ sessionUrl: "https://a.example/x" }, { e2c_sessionurl: 19 })).toEqual({
      e2c_sessionurl: "https://a.example/x",
    });
  });

  it("leaves out a link longer than the column rather than cut it", () => {
    expect(caseColumnValues({ sessionUrl: "https://a.example/xy" }, { e2c_sessionurl: 19 })).toEqual({});
  });
});

describe("what one update writes, exactly", () => {
  it("names no column the handoff said nothing about, not even as undefined", () => {
    expect(columnsToWrite({ e2c_classification: "Billing" }, { e2c_sentiment: 412500001 })).toStrictEqual({
      e2c_classification: "Billing",
    });
  });
});

describe("the cases the backfill fills", () => {
  it("counts empty text in all four columns as no value", () => {
    const empty = { e2c_classification: "", e2c_sentiment: null, e2c_handoffid: "", e2c_sessionurl: "" };
    expect(hasNoCaseColumns(empty)).toBe(true);
  });
});
