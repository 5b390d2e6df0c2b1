/**
 * The whole control in the states a rep can meet: blank and whitespace descriptions, a summary of spaces, a note
 * that fails with something other than an Error, the copied transcript, stepping back from
 * the first match, folding one message after expanding all, and the region's layout classes.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import * as React from "react";
import { HandoffTranscriptView } from "../../pcf/HandoffTranscript/components/HandoffTranscriptView";
import { EXAMPLE_TRANSCRIPT } from "../fixtures/handoffs";
import { makeProps, renderView as renderDescription, TRUNCATED } from "./fixtures";

/** A transcript of one message from Sam Lee, the customer: a description the case can change to. */
function fromSam(body: string): string {
  return `Channel: email\n\n--- Transcript ---\n[2026-11-20T10:00:00Z] Sam Lee <sam@contoso.com> (customer)\n${body}\n`;
}

function renderView(overrides: Parameters<typeof makeProps>[0] = {}) {
  return renderDescription(EXAMPLE_TRANSCRIPT, overrides);
}

test("a description of spaces and line breaks is no transcript", () => {
  const { container } = renderView({ description: "  \n\t \n" });
  expect(container.querySelector(".e2c-empty")!.textContent).toBe("No transcript on this case.");
  expect(container.querySelector("article, pre")).toBeNull();
});

test("a description that is no transcript shows the notice above the text", async () => {
  const { container } = renderView({ description: "Call back after 3 pm." });
  expect(await screen.findByText("This description is not a handoff transcript; it is shown as it is.")).toBeTruthy();
  expect(container.querySelector("pre")!.className).toBe("e2c-raw");
});

test("a description that is no transcript has no toolbar", () => {
  renderView({ description: "Call back after 3 pm." });
  expect(screen.queryByRole("toolbar")).toBeNull();
});

test("a summary of spaces shows no summary line", () => {
  const { container } = renderView({
    description: EXAMPLE_TRANSCRIPT.replace("Sentiment: Negative\n", "Sentiment: Negative\nSummary:    \n"),
  });
  expect(container.querySelector(".e2c-summary")).toBeNull();
});

test("a summary is shown without the spaces around it", () => {
  const { container } = renderView({
    description: EXAMPLE_TRANSCRIPT.replace("Sentiment: Negative\n", "Sentiment: Negative\nSummary:   Refund due.  \n"),
  });
  expect(container.querySelector(".e2c-summary-text")!.textContent).toBe("Refund due.");
});

test("a note that fails with a bare message says that message", async () => {
  renderView({ description: TRUNCATED, loadFullTranscript: () => Promise.reject("timeout") });
  fireEvent.click(screen.getByRole("button", { name: "Load full transcript" }));
  await screen.findByText("The full transcript could not be loaded: timeout");
});

test("while the note is read, the banner says so", async () => {
  renderView({ description: TRUNCATED, loadFullTranscript: () => new Promise<string | null>(() => undefined) });
  fireEvent.click(screen.getByRole("button", { name: "Load full transcript" }));
  expect(await screen.findByText("Loading the full transcript…")).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Load full transcript" })).toBeNull();
});

test("copying the transcript copies the messages as text, separated by a blank line", async () => {
  const { props } = renderView();
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Copy transcript" }));
  });
  expect((props.copyText as jest.Mock).mock.calls).toEqual([
    [
      "Nov 20, 2026, 04:14 AM Jane Doe <jane.doe@contoso.com> (Customer)\nSubject: Charged twice for November\n" +
        "Hi, I was charged twice this month.\n\nOn 19 Nov 2026, at 18:02, Contoso Billing <billing@contoso.com> wrote:\n" +
        "> Your invoice is attached.\n\n" +
        "Nov 20, 2026, 04:15 AM Contoso Assistant (AI)\nSorry to hear that. I am handing you to a billing specialist.",
    ],
  ]);
});

describe("the 'Copied' moment", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });
  const click = async (name: string) => {
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name }));
    });
  };
  const wait = (ms: number) => act(() => jest.advanceTimersByTime(ms));

  test("after copying, the button says 'Copied' for two seconds", async () => {
    renderView();
    await click("Copy transcript");
    expect(screen.getByRole("button", { name: "Copied" })).toBeTruthy();
    wait(1999);
    expect(screen.getByRole("button", { name: "Copied" })).toBeTruthy();
    wait(1);
    expect(screen.getByRole("button", { name: "Copy transcript" })).toBeTruthy();
  });

  test("copying again while it says 'Copied' keeps it for two seconds from the latest copy", async () => {
    renderView();
    await click("Copy transcript");
    wait(1500);
    await click("Copied");
    wait(1999);
    expect(screen.getByRole("button", { name: "Copied" })).toBeTruthy();
    wait(1);
    expect(screen.getByRole("button", { name: "Copy transcript" })).toBeTruthy();
  });

  test("closing the control while it says 'Copied' leaves nothing to run after it", async () => {
    const { unmount } = renderView();
    await click("Copy transcript");
    unmount();
    // Not React's warning about a state set on a closed control: React 16 gives it once per component and run.
    expect(jest.getTimerCount()).toBe(0);
  });
});

test("stepping back from the first match goes to the last", () => {
  renderView();
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "billing" } });
  expect(screen.getByRole("status").textContent).toBe("1 of 3 matches");
  fireEvent.click(screen.getByRole("button", { name: "Previous match" }));
  expect(screen.getByRole("status").textContent).toBe("3 of 3 matches");
});

test("a new search starts again at its first match", () => {
  renderView();
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "billing" } });
  fireEvent.click(screen.getByRole("button", { name: "Next match" }));
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "charged" } });
  expect(screen.getByRole("status").textContent).toBe("1 of 2 matches");
});

test("after expanding all, one message can be folded alone", () => {
  renderView();
  fireEvent.click(screen.getByRole("button", { name: "Expand all quoted text" }));
  const first = screen.getAllByRole("article")[0]!;
  fireEvent.click(within(first).getByRole("button", { name: "Hide quoted text" }));
  expect(screen.getAllByRole("article")[0]!.textContent).not.toContain("Your invoice is attached.");
  fireEvent.click(screen.getByRole("button", { name: "Collapse all quoted text" }));
  fireEvent.click(screen.getByRole("button", { name: "Expand all quoted text" }));
  expect(screen.getAllByRole("article")[0]!.textContent).toContain("Your invoice is attached.");
});

test("a folded message's quoted text opens and folds again by its own button", () => {
  renderView();
  const button = () => within(screen.getAllByRole("article")[0]!).getByRole("button", { name: /quoted text/ });
  fireEvent.click(button());
  fireEvent.click(button());
  expect(button().textContent).toBe("Show quoted text");
});

test("the region says phone and disabled layouts in its class, and reads left to right by default", () => {
  renderView({ isPhone: true, disabled: true });
  const region = screen.getByRole("region", { name: "Handoff transcript" });
  expect(region.className).toBe("e2c-transcript e2c-phone e2c-disabled");
  expect(region.getAttribute("dir")).toBe("ltr");
});

test("no size from the form, or a size of zero, leaves the region's size to the page", () => {
  renderView({ width: 0, height: 0 });
  expect(screen.getByRole("region").getAttribute("style")).toBeNull();
});

test("a search match in one message opens that message's quoted text only, not the others'", () => {
  renderView();
  // "specialist" is in the assistant's reply; the customer's message keeps its quoted invoice folded.
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "specialist" } });
  expect(screen.getAllByRole("article")[0]!.textContent).not.toContain("Your invoice is attached.");
});

test("after the description changes, 'Copy transcript' copies the new transcript", async () => {
  const { props, rerender } = renderView();
  rerender(<HandoffTranscriptView {...props} description={fromSam("Where is my parcel?")} />);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Copy transcript" }));
  });
  expect((props.copyText as jest.Mock).mock.calls).toEqual([
    ["Nov 20, 2026, 05:00 AM Sam Lee <sam@contoso.com> (Customer)\nWhere is my parcel?"],
  ]);
});

test("after the form gives the control another way to read the note, 'Load full transcript' uses it", async () => {
  const first = jest.fn(() => Promise.resolve(null));
  const second = jest.fn(() => Promise.resolve(null));
  const { props, rerender } = renderView({ description: TRUNCATED, loadFullTranscript: first });
  rerender(<HandoffTranscriptView {...props} loadFullTranscript={second} />);
  fireEvent.click(screen.getByRole("button", { name: "Load full transcript" }));
  await screen.findByText('No note "Handoff transcript" was found on this case.');
  expect([first.mock.calls.length, second.mock.calls.length]).toEqual([0, 1]);
});

test("if drawing fails on an empty description, the control says so and shows no text", async () => {
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    const failing = (key: string) => {
      if (key === "Empty") throw new Error("boom");
      return key;
    };
    const { container } = renderView({ description: null, strings: failing as never });
    expect(await screen.findByText("Error")).toBeTruthy();
    expect(container.querySelector("pre.e2c-raw")!.textContent).toBe("");
  } finally {
    error.mockRestore();
  }
});

test("by default the region's class names no phone or disabled layout", () => {
  renderView();
  expect(screen.getByRole("region").className).toBe("e2c-transcript");
});

test("Fluent's theme layer around the region reads in the user's direction", () => {
  const ltr = renderView();
  expect(ltr.container.querySelector(".e2c-theme")!.getAttribute("dir")).toBe("ltr");
  ltr.unmount();
  const rtl = renderView({ isRTL: true });
  expect(rtl.container.querySelector(".e2c-theme")!.getAttribute("dir")).toBe("rtl");
});

test("when a new description has fewer matches than the rep's place, the place wraps around within them", () => {
  const { props, rerender } = renderView();
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "billing" } });
  fireEvent.click(screen.getByRole("button", { name: "Previous match" }));
  expect(screen.getByRole("status").textContent).toBe("3 of 3 matches");
  rerender(<HandoffTranscriptView {...props} description={fromSam("A billing question.")} />);
  expect(within(screen.getByRole("toolbar")).getByRole("status").textContent).toBe("1 of 1 matches");
});

test("Enter in the search box while nothing matches, then a description that matches: the place is its first match", () => {
  const { props, rerender } = renderView();
  const search = screen.getByRole("searchbox");
  fireEvent.change(search, { target: { value: "refund" } });
  expect(screen.getByRole("status").textContent).toBe("No matches");
  fireEvent.keyDown(search, { key: "Enter", keyCode: 13, which: 13 });
  rerender(<HandoffTranscriptView {...props} description={fromSam("A refund, please.")} />);
  expect(within(screen.getByRole("toolbar")).getByRole("status").textContent).toBe("1 of 1 matches");
});
