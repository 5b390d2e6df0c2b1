import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as React from "react";
import { HandoffTranscriptView } from "../../pcf/HandoffTranscript/components/HandoffTranscriptView";
import { Icons } from "../../pcf/HandoffTranscript/components/icons";
import { EXAMPLE_TRANSCRIPT, handoffWithMessages } from "../fixtures/handoffs";
import { writeTranscript } from "../../core/transcript/write";
import { makeProps, renderView as renderDescription, TRUNCATED } from "./fixtures";

function renderView(overrides: Parameters<typeof makeProps>[0] = {}) {
  return renderDescription(EXAMPLE_TRANSCRIPT, overrides);
}

describe("the Handoff transcript control, as a rep sees it", () => {
  test("is a labelled region of the form", () => {
    renderView();
    expect(screen.getByRole("region", { name: "Handoff transcript" })).toBeTruthy();
  });

  test("shows channel, classification, sentiment and customer chips with their labels", () => {
    const { container } = renderView();
    const chips = [...container.querySelectorAll(".e2c-chip")].map((c) => c.textContent);
    expect(chips).toEqual([
      "Channel: email",
      "Classification: Billing",
      "Sentiment: Negative",
      "Customer: Jane Doe <jane.doe@contoso.com>",
    ]);
  });

  test("marks the sentiment's tone beside its label and icon, never by colour alone", () => {
    const { container } = renderView();
    const chip = container.querySelector(".e2c-sentiment")!;
    expect(chip.className).toContain("e2c-tone-negative");
    expect(chip.querySelector(`[data-icon-name='${Icons.Sad}'] svg`)).not.toBeNull();
    expect(chip.textContent).toContain("Negative");
  });

  test("the solution's columns take precedence over the header", () => {
    const { container } = renderView({ classification: "Refunds", sentimentValue: 412500005 });
    const text = container.querySelector(".e2c-chips")!.textContent;
    expect(text).toContain("Classification: Refunds");
    expect(text).toContain("Sentiment: Positive");
  });

  test("links the handoff session in a new tab without giving it the opener", () => {
    renderView();
    const link = screen.getByRole("link", { name: /Open the handoff session/ });
    expect(link.getAttribute("href")).toBe("https://support.example.com/sessions/4711");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
  });

  test("a session that is not an http(s) link is not linked", () => {
    renderView({
      description: EXAMPLE_TRANSCRIPT.replace("https://support.example.com/sessions/4711", "javascript:alert(1)"),
    });
    expect(screen.queryByRole("link")).toBeNull();
  });

  test("shows each message with sender, role and time in the user's time zone", () => {
    renderView();
    const articles = screen.getAllByRole("article");
    expect(articles).toHaveLength(2);
    expect(articles[0]!.getAttribute("aria-label")).toBe("Jane Doe, Customer, Nov 20, 2026, 04:14 AM");
    const time = articles[0]!.querySelector("time")!;
    expect([time.textContent, time.getAttribute("dateTime"), time.getAttribute("title")]).toEqual([
      "Nov 20, 2026, 04:14 AM",
      "2026-11-20T09:14:03Z",
      "3 hours ago",
    ]);
    expect(within(articles[1]!).getByText("AI")).toBeTruthy();
  });

  test("folds quoted text until the rep asks for it", () => {
    renderView();
    const first = screen.getAllByRole("article")[0]!;
    expect(first.textContent).not.toContain("Your invoice is attached.");
    fireEvent.click(within(first).getByRole("button", { name: "Show quoted text" }));
    expect(screen.getAllByRole("article")[0]!.textContent).toContain("> Your invoice is attached.");
    expect(
      within(screen.getAllByRole("article")[0]!)
        .getByRole("button", { name: "Hide quoted text" })
        .getAttribute("aria-expanded"),
    ).toBe("true");
  });

  test("before the rep searches, the search box is empty and nothing is counted", () => {
    renderView();
    expect((screen.getByRole("searchbox") as HTMLInputElement).value).toBe("");
    expect(screen.getByRole("status").textContent).toBe("");
  });

  test("when the description changes to one with quoted text, 'Expand all' appears", () => {
    const plain = writeTranscript(handoffWithMessages(2), { maxLength: null });
    const { props, rerender } = renderDescription(plain);
    expect(screen.queryByRole("button", { name: "Expand all quoted text" })).toBeNull();
    rerender(<HandoffTranscriptView {...props} description={EXAMPLE_TRANSCRIPT} />);
    expect(screen.getByRole("button", { name: "Expand all quoted text" })).toBeTruthy();
  });

  test("expands and collapses all quoted text at once", () => {
    renderView();
    fireEvent.click(screen.getByRole("button", { name: "Expand all quoted text" }));
    expect(screen.getAllByRole("article")[0]!.textContent).toContain("Your invoice is attached.");
    fireEvent.click(screen.getByRole("button", { name: "Collapse all quoted text" }));
    expect(screen.getAllByRole("article")[0]!.textContent).not.toContain("Your invoice is attached.");
  });

  test("search counts and highlights matches, and steps through them", () => {
    const { container } = renderView();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "you" } });
    expect(screen.getByRole("status").textContent).toBe("1 of 2 matches");
    expect(container.querySelectorAll("mark.e2c-match")).toHaveLength(2);
    expect(container.querySelector("mark.e2c-match-active")!.textContent).toBe("You");
    fireEvent.click(screen.getByRole("button", { name: "Next match" }));
    expect(screen.getByRole("status").textContent).toBe("2 of 2 matches");
    fireEvent.click(screen.getByRole("button", { name: "Next match" }));
    expect(screen.getByRole("status").textContent).toBe("1 of 2 matches");
  });

  test("a match inside folded quoted text opens that message", () => {
    renderView();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "invoice" } });
    expect(screen.getAllByRole("article")[0]!.querySelector("mark.e2c-match-active")!.textContent).toBe("invoice");
  });

  test("says so when nothing matches", () => {
    renderView();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "zebra" } });
    expect(screen.getByRole("status").textContent).toBe("No matches");
  });

  test("copies one message as plain text", () => {
    const { props } = renderView();
    fireEvent.click(within(screen.getAllByRole("article")[1]!).getByRole("button", { name: "Copy message" }));
    expect(props.copyText).toHaveBeenCalledWith(
      "Nov 20, 2026, 04:15 AM Contoso Assistant (AI)\nSorry to hear that. I am handing you to a billing specialist.",
    );
  });

  test("copies the whole transcript as plain text", async () => {
    const { props } = renderView();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy transcript" }));
    });
    const text = (props.copyText as jest.Mock).mock.calls[0][0] as string;
    expect(text).toContain("Jane Doe <jane.doe@contoso.com> (Customer)\nSubject: Charged twice for November");
    expect(text).toContain("Contoso Assistant (AI)");
  });

  test("marks where the conversation was handed off to an agent", () => {
    const text = writeTranscript(handoffWithMessages(4), { maxLength: null }).replace(
      /\(customer\)\n(Message number 0)/,
      "(ai)\n$1",
    );
    renderView({ description: text });
    expect(screen.getByRole("separator", { name: "Handed off to an agent" })).toBeTruthy();
  });

  describe("a truncated description", () => {
    test("says how much is shown and where the rest is", async () => {
      renderView({ description: TRUNCATED });
      expect(
        await screen.findByText(
          /This description shows 1 of 7 messages\. The full transcript is in the note "Handoff transcript"\./,
        ),
      ).toBeTruthy();
    });

    test("loads the full transcript from the note and shows it", async () => {
      const full = writeTranscript(handoffWithMessages(7), { maxLength: null });
      const loadFullTranscript = jest.fn(() => Promise.resolve(full));
      renderView({ description: TRUNCATED, loadFullTranscript });
      fireEvent.click(screen.getByRole("button", { name: "Load full transcript" }));
      await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(7));
      expect(screen.queryByText(/This description shows/)).toBeNull();
    });

    test("says so when the case has no such note", async () => {
      renderView({ description: TRUNCATED, loadFullTranscript: () => Promise.resolve(null) });
      fireEvent.click(screen.getByRole("button", { name: "Load full transcript" }));
      await screen.findByText('No note "Handoff transcript" was found on this case.');
    });

    test("says why when the note cannot be read", async () => {
      renderView({ description: TRUNCATED, loadFullTranscript: () => Promise.reject(new Error("403 Forbidden")) });
      fireEvent.click(screen.getByRole("button", { name: "Load full transcript" }));
      await screen.findByText("The full transcript could not be loaded: 403 Forbidden");
    });

    test("cut by something else (no end line) still says it is incomplete", async () => {
      renderView({ description: EXAMPLE_TRANSCRIPT.replace(/\n--- End.*$/, "") });
      expect(await screen.findByText(/This description was cut off/)).toBeTruthy();
    });
  });

  describe("states that still show the text", () => {
    test("an empty description", () => {
      renderView({ description: null });
      expect(screen.getByText("No transcript on this case.")).toBeTruthy();
    });

    test("a description that is not a transcript is shown as it is", async () => {
      const { container } = renderView({ description: "Call back after 3 pm.\nAsk for Jane." });
      expect(await screen.findByText(/not a handoff transcript/)).toBeTruthy();
      expect(container.querySelector("pre")!.textContent).toBe("Call back after 3 pm.\nAsk for Jane.");
    });

    test("a field the user may not read shows that, never the text", async () => {
      const { container } = renderView({ readable: false });
      expect(await screen.findByText("You don't have permission to see this field.")).toBeTruthy();
      expect(container.textContent).not.toContain("Jane");
    });
  });

  test("hostile bodies are text: no element, attribute or script comes from the transcript", () => {
    const hostile = EXAMPLE_TRANSCRIPT.replace(
      "Sorry to hear that.",
      '<script>window.pwned=1</script><img src=x onerror="window.pwned=1"><a href="javascript:alert(1)">click</a>',
    );
    const { container } = renderView({ description: hostile });
    expect(container.querySelector("script, img, a[href^='javascript']")).toBeNull();
    expect(screen.getAllByRole("article")[1]!.textContent).toContain('<img src=x onerror="window.pwned=1">');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  test("right-to-left languages lay the control out right to left", () => {
    renderView({ isRTL: true });
    expect(screen.getByRole("region").getAttribute("dir")).toBe("rtl");
  });

  test("newest-first order puts the latest message on top", () => {
    renderView({ order: "newestFirst" });
    expect(screen.getAllByRole("article")[0]!.getAttribute("aria-label")).toMatch(/^Contoso Assistant/);
  });

  test("a 10,000-message thread renders a window of messages, not 10,000", () => {
    const long = writeTranscript(handoffWithMessages(10_000), { maxLength: null });
    renderView({ description: long });
    const rendered = screen.getAllByRole("article").length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(200);
  });

  test("takes the width and height the form allocates", () => {
    renderView({ width: 640, height: 480 });
    const region = screen.getByRole("region");
    expect([region.style.width, region.style.height]).toEqual(["640px", "480px"]);
  });
});

describe("colour follows the theme and never carries meaning alone", () => {
  test("the sentiment chip takes its tone's colour from the theme", () => {
    const { container } = renderView();
    const negative = (container.querySelector(".e2c-sentiment") as HTMLElement).style.color;
    const { container: positive } = renderView({ sentimentValue: 412500006 });
    const positiveColor = (positive.querySelector(".e2c-sentiment") as HTMLElement).style.color;
    expect(negative).not.toBe("");
    expect(positiveColor).not.toBe("");
    expect(negative).not.toBe(positiveColor);
  });
});

test("if drawing the transcript fails, the control says so and still shows the text", async () => {
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const failing = (key: string) => {
    if (key === "Channel_Label") throw new Error("boom");
    return key;
  };
  const { container } = renderView({ strings: failing as never });
  expect(await screen.findByText("Error")).toBeTruthy();
  expect(container.querySelector("pre.e2c-raw")!.textContent).toBe(EXAMPLE_TRANSCRIPT);
  spy.mockRestore();
});
