import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  caseColumnsFromDescription,
  caseColumnValues,
  columnsToWrite,
  hasNoCaseColumns,
} from "../../../core/enrichment/case-columns";

const ROOT = join(__dirname, "..", "..", "..");
const example = (name: string): string => readFileSync(join(ROOT, "examples", "descriptions", name), "utf8");

const BILLING = {
  e2c_classification: "Billing",
  e2c_sentiment: 412500001,
  e2c_handoffid: "7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e10",
  e2c_sessionurl: "https://support.example.com/sessions/4711",
};

describe("the case columns a description calls for", () => {
  it("reads the four values from a transcript's header, sentiment as its choice value", () => {
    expect(caseColumnsFromDescription(example("billing-double-charge.txt"))).toEqual(BILLING);
  });

  it("reads a transcript another system cut short", () => {
    expect(caseColumnsFromDescription(example("cut-by-another-system.txt"))).toEqual(BILLING);
  });

  it("reads a description the rich text editor stored as HTML", () => {
    expect(caseColumnsFromDescription(example("rich-text-editor.html"))).toEqual(BILLING);
  });

  it("reads CRLF line ends", () => {
    expect(caseColumnsFromDescription(example("billing-double-charge.txt").replace(/\n/g, "\r\n"))).toEqual(BILLING);
  });

  it("calls for nothing when the description is not a transcript", () => {
    expect(caseColumnsFromDescription(example("not-a-transcript.txt"))).toBeNull();
    expect(caseColumnsFromDescription("")).toBeNull();
    expect(caseColumnsFromDescription(null)).toBeNull();
  });

  it("calls for nothing when a transcript's header names none of the four", () => {
    const text =
      "--- Transcript ---\n[2026-11-20T09:14:03Z] Jane Doe (customer)\nHi\n--- End of transcript (1 messages) ---";
    expect(caseColumnsFromDescription(text)).toBeNull();
  });

  it("sets only the columns the header names", () => {
    const text = "Classification: Returns\n\n--- Transcript ---\n[2026-11-20T09:14:03Z] Jane (customer)\nHi\n";
    expect(caseColumnsFromDescription(text)).toEqual({ e2c_classification: "Returns" });
  });

  it("leaves out a sentiment outside Microsoft's vocabulary rather than guess", () => {
    const text = example("billing-double-charge.txt").replace("Sentiment: Negative", "Sentiment: grumpy");
    expect(caseColumnsFromDescription(text)).not.toHaveProperty("e2c_sentiment");
  });

  it("leaves out a session that is not an http(s) URL, and a handoff id longer than its column", () => {
    const text = example("billing-double-charge.txt")
      .replace("Session: https://support.example.com/sessions/4711", "Session: javascript:alert(1)")
      .replace("Handoff-Id: 7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e10", `Handoff-Id: ${"x".repeat(101)}`);
    expect(caseColumnsFromDescription(text)).toEqual({ e2c_classification: "Billing", e2c_sentiment: 412500001 });
  });
});

describe("the same decision for a handoff", () => {
  it("cuts a classification to the column's length", () => {
    expect(caseColumnValues({ classification: ` ${"a".repeat(120)} ` }, { e2c_classification: 50 })).toEqual({
      e2c_classification: "a".repeat(50),
    });
  });

  it("reads a numeric score as the nearest sentiment", () => {
    expect(caseColumnValues({ sentiment: -2.5 })).toEqual({ e2c_sentiment: 412500000 });
  });
});

describe("what one update writes", () => {
  it("writes only the columns whose value differs, never anything else", () => {
    const current = { ...BILLING, e2c_sentiment: 412500003, description: "x", title: "t" };
    expect(columnsToWrite(BILLING, current)).toEqual({ e2c_sentiment: 412500001 });
  });

  it("writes nothing when the case already has the values: the handler's own update finds nothing to do", () => {
    expect(columnsToWrite(BILLING, { ...BILLING })).toEqual({});
  });

  it("tells a case with none of the columns from one that has some", () => {
    expect(hasNoCaseColumns({ e2c_classification: null, e2c_sentiment: null, description: "x" })).toBe(true);
    expect(hasNoCaseColumns({ e2c_classification: "Billing" })).toBe(false);
  });
});
