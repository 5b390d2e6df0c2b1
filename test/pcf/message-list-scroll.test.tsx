/**
 * Where the message list is scrolled: to the latest message when it opens oldest-first, and to the active search
 * match as the rep steps through matches. jsdom lays nothing out, so heights are given and scrolls recorded.
 */
import { List } from "@fluentui/react";
import { fireEvent, render, screen } from "@testing-library/react";
import * as React from "react";
import { HandoffTranscriptView } from "../../pcf/HandoffTranscript/components/HandoffTranscriptView";
import { EXAMPLE_TRANSCRIPT } from "../fixtures/handoffs";
import { makeProps, threadQuotingAt } from "./fixtures";

const scrollTops: number[] = [];
const jsdomScrollIntoView = Element.prototype.scrollIntoView;
const scrolledIntoView: [string | null, unknown][] = [];

beforeEach(() => {
  scrollTops.length = 0;
  scrolledIntoView.length = 0;
  Object.defineProperty(HTMLElement.prototype, "scrollHeight", { configurable: true, get: () => 4000 });
  Object.defineProperty(HTMLElement.prototype, "scrollTop", {
    configurable: true,
    get: () => 0,
    set(this: HTMLElement, value: number) {
      if (this.classList.contains("e2c-messages")) scrollTops.push(value);
    },
  });
  Element.prototype.scrollIntoView = function (this: Element, options?: unknown) {
    scrolledIntoView.push([this.textContent, options]);
  };
  jest.spyOn(window, "requestAnimationFrame").mockImplementation((callback) => {
    callback(0);
    return 1;
  });
});

afterEach(() => {
  // Element.prototype keeps jsdom's own scrollHeight and scrollTop.
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).scrollHeight;
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).scrollTop;
  Element.prototype.scrollIntoView = jsdomScrollIntoView;
  jest.restoreAllMocks();
});

test("oldest first, the list opens scrolled to the latest message", () => {
  render(<HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT })} />);
  expect(scrollTops.length).toBeGreaterThan(0);
  expect(new Set(scrollTops)).toEqual(new Set([4000]));
});

test("newest first, the list opens at the top", () => {
  render(<HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT, order: "newestFirst" })} />);
  expect(scrollTops).toEqual([]);
});

test("once the latest message is shown, the list stops scrolling itself", () => {
  render(<HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT })} />);
  scrollTops.length = 0;
  fireEvent.click(screen.getByRole("button", { name: "Expand all quoted text" }));
  expect(scrollTops).toEqual([]);
});

test("the active search match is scrolled into view, no further than needed", () => {
  render(<HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT })} />);
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "billing" } });
  // "Contoso Billing <billing@contoso.com>" in the first message's quoted text, then its address.
  expect(scrolledIntoView).toEqual([["Billing", { block: "nearest" }]]);
  fireEvent.click(screen.getByRole("button", { name: "Next match" }));
  expect(scrolledIntoView).toEqual([
    ["Billing", { block: "nearest" }],
    ["billing", { block: "nearest" }],
  ]);
});

test("the list first brings the active match's message into its rendered pages", () => {
  const scrollToIndex = jest.spyOn(List.prototype, "scrollToIndex");
  render(<HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT })} />);
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "specialist" } });
  expect(scrollToIndex.mock.calls.map((call) => call[0])).toEqual([1]);
});

test("without a search, nothing is scrolled into view", () => {
  render(<HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT })} />);
  expect(scrolledIntoView).toEqual([]);
});

test("when the description changes, the list opens again at its latest message", () => {
  const props = makeProps({ description: EXAMPLE_TRANSCRIPT });
  const { rerender } = render(<HandoffTranscriptView {...props} />);
  scrollTops.length = 0;
  rerender(
    <HandoffTranscriptView {...props} description={EXAMPLE_TRANSCRIPT.replace("charged twice", "billed twice")} />,
  );
  expect(new Set(scrollTops)).toEqual(new Set([4000]));
});

test("when the order changes to oldest first, the list opens at its latest message", () => {
  const props = makeProps({ description: EXAMPLE_TRANSCRIPT, order: "newestFirst" });
  const { rerender } = render(<HandoffTranscriptView {...props} />);
  rerender(<HandoffTranscriptView {...props} order="oldestFirst" />);
  expect(new Set(scrollTops)).toEqual(new Set([4000]));
});

test("after opening again at a new description's latest message, the list stops scrolling itself", () => {
  const props = makeProps({ description: EXAMPLE_TRANSCRIPT });
  const { rerender } = render(<HandoffTranscriptView {...props} />);
  rerender(
    <HandoffTranscriptView {...props} description={EXAMPLE_TRANSCRIPT.replace("charged twice", "billed twice")} />,
  );
  scrollTops.length = 0;
  fireEvent.click(screen.getByRole("button", { name: "Expand all quoted text" }));
  expect(scrollTops).toEqual([]);
});

// jsdom lays nothing out, so Fluent's List renders a long thread's first page (10 messages) and no more. The first
// message quotes, so "Expand all quoted text" is there.
const thread = (count: number): string => threadQuotingAt(count, 0);

test("until a long thread's latest message is rendered, the list keeps scrolling to the end", () => {
  render(<HandoffTranscriptView {...makeProps({ description: thread(60) })} />);
  scrollTops.length = 0;
  fireEvent.click(screen.getByRole("button", { name: "Expand all quoted text" }));
  expect(new Set(scrollTops)).toEqual(new Set([4000]));
});

test("when a short thread grows into a long one, the list keeps scrolling until the new latest message is rendered", () => {
  const props = makeProps({ description: thread(5) });
  const { rerender } = render(<HandoffTranscriptView {...props} />);
  rerender(<HandoffTranscriptView {...props} description={thread(60)} />);
  scrollTops.length = 0;
  fireEvent.click(screen.getByRole("button", { name: "Expand all quoted text" }));
  expect(new Set(scrollTops)).toEqual(new Set([4000]));
});

describe("the scroll to the active match waits for the next frame", () => {
  beforeEach(() => {
    // The frames run when the test says, not at once.
    jest.mocked(window.requestAnimationFrame).mockRestore();
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test("stepping on before the next frame scrolls only to the match the rep stepped to", () => {
    render(<HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT })} />);
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "billing" } });
    fireEvent.click(screen.getByRole("button", { name: "Next match" }));
    expect(scrolledIntoView).toEqual([]);
    jest.runAllTimers();
    expect(scrolledIntoView).toEqual([["billing", { block: "nearest" }]]);
  });

  test("closing the control before the next frame leaves no scroll to run after it", () => {
    const { unmount } = render(<HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT })} />);
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "billing" } });
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });
});
