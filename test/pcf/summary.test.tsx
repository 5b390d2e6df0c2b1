import { act, fireEvent, render, screen } from "@testing-library/react";
import * as React from "react";
import { HandoffSummaryLine } from "../../pcf/HandoffTranscript/components/HandoffSummaryLine";
import { HandoffTranscriptView } from "../../pcf/HandoffTranscript/components/HandoffTranscriptView";
import { activeSearchMatch, findTextMatches } from "../../pcf/HandoffTranscript/model/summary-search";
import { EXAMPLE_TRANSCRIPT } from "../fixtures/handoffs";
import { makeProps, strings } from "./fixtures";

const SUMMARY = "Customer was charged twice for November and wants a refund. She asked twice.";
const WITH_SUMMARY = EXAMPLE_TRANSCRIPT.replace("Sentiment: Negative\n", `Sentiment: Negative\nSummary: ${SUMMARY}\n`);

function renderView(description: string) {
  const props = makeProps({ description });
  return { props, ...render(<HandoffTranscriptView {...props} />) };
}

describe("the handoff's summary", () => {
  test("is shown in full under the chips, before the messages", () => {
    const { container } = renderView(WITH_SUMMARY);
    const summary = container.querySelector(".e2c-summary")!;
    expect(summary.textContent).toBe(`Summary: ${SUMMARY}`);
    expect(container.querySelector(".e2c-chips")!.nextElementSibling).toBe(summary);
    expect(summary.compareDocumentPosition(container.querySelector("article")!)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  test("no summary in the header: no summary line", () => {
    const { container } = renderView(EXAMPLE_TRANSCRIPT);
    expect(container.querySelector(".e2c-summary")).toBeNull();
  });

  test("is searched first: its matches count and are highlighted before the messages'", () => {
    const { container } = renderView(WITH_SUMMARY);
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "charged" } });
    // "charged" once in the summary, then in the first message's subject ("Charged twice …") and its body.
    expect(screen.getByRole("status").textContent).toBe("1 of 3 matches");
    expect(container.querySelector(".e2c-summary mark.e2c-match-active")?.textContent).toBe("charged");
    fireEvent.click(screen.getByRole("button", { name: "Next match" }));
    expect(screen.getByRole("status").textContent).toBe("2 of 3 matches");
    expect(container.querySelector(".e2c-summary mark.e2c-match-active")).toBeNull();
    expect(container.querySelector("article mark.e2c-match-active")?.textContent).toBe("Charged");
  });

  test("is copied first with the transcript", async () => {
    const { props } = renderView(WITH_SUMMARY);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy transcript" }));
    });
    const copied = (props.copyText as jest.Mock).mock.calls[0]![0] as string;
    expect(copied.startsWith(`Summary: ${SUMMARY}\n\n`)).toBe(true);
    expect(copied).toContain("Hi, I was charged twice this month.");
  });

  test("is text, never markup", () => {
    const { container } = renderView(
      EXAMPLE_TRANSCRIPT.replace(
        "Sentiment: Negative\n",
        'Sentiment: Negative\nSummary: <img src=x onerror="alert(1)">\n',
      ),
    );
    expect(container.querySelector(".e2c-summary img")).toBeNull();
    expect(container.querySelector(".e2c-summary")!.textContent).toContain("<img src=x");
  });
});

describe("summary search", () => {
  test("finds every occurrence regardless of case", () => {
    expect(findTextMatches("Twice charged, charged TWICE", "twice")).toEqual([
      { start: 0, end: 5 },
      { start: 23, end: 28 },
    ]);
    expect(findTextMatches(undefined, "x")).toEqual([]);
    expect(findTextMatches("text", "  ")).toEqual([]);
  });

  test("counts occurrences one after another, never overlapping, and ignores spaces around the query", () => {
    expect(findTextMatches("aaaaa", " aa ")).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(findTextMatches("", "a")).toEqual([]);
  });

  test("the active match is in the summary first, then in the messages, wrapping around", () => {
    const summary = [{ start: 0, end: 1 }];
    const messages = ["m1", "m2"];
    expect(activeSearchMatch(0, summary, messages)).toEqual({ summary: summary[0], message: undefined });
    expect(activeSearchMatch(2, summary, messages)).toEqual({ summary: undefined, message: "m2" });
    expect(activeSearchMatch(3, summary, messages)).toEqual({ summary: summary[0], message: undefined });
    expect(activeSearchMatch(0, [], [])).toEqual({ summary: undefined, message: undefined });
  });
});

describe("the summary line's active match", () => {
  const scrolled: [Element, unknown][] = [];
  const setupScrollIntoView = Element.prototype.scrollIntoView;
  beforeEach(() => {
    scrolled.length = 0;
    Element.prototype.scrollIntoView = function (this: Element, options?: unknown) {
      scrolled.push([this, options]);
    };
  });
  afterEach(() => {
    Element.prototype.scrollIntoView = setupScrollIntoView;
  });

  test("is scrolled into view, no further than needed", () => {
    const { container } = render(
      <HandoffSummaryLine
        summary={SUMMARY}
        matches={[{ start: 13, end: 20 }]}
        activeMatch={undefined}
        strings={strings}
      />,
    );
    expect(scrolled).toEqual([]);
    const active = { start: 13, end: 20 };
    render(<HandoffSummaryLine summary={SUMMARY} matches={[active]} activeMatch={active} strings={strings} />, {
      container,
    });
    expect(scrolled).toEqual([[container.querySelector("mark.e2c-match-active"), { block: "nearest" }]]);
    expect(scrolled[0]![0]!.textContent).toBe("charged");
  });
});
