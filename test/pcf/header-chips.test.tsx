/**
 * The chips over the transcript, drawn from its header: each says its label and value as text, the sentiment's
 * tone in words, icon and the theme's colour, and the session only as an http(s) link.
 */
import { render, screen } from "@testing-library/react";
import * as React from "react";
import { normalizeSentiment } from "../../core/transcript/sentiment";
import type { TranscriptHeader } from "../../core/transcript/types";
import { HeaderChips } from "../../pcf/HandoffTranscript/components/HeaderChips";
import { Icons } from "../../pcf/HandoffTranscript/components/icons";
import { strings } from "./fixtures";

function renderChips(header: Partial<TranscriptHeader>, sentiment: string | null = null, classification?: string) {
  return render(
    <HeaderChips
      header={{ extra: [], ...header }}
      classification={classification}
      sentiment={sentiment === null ? null : normalizeSentiment(sentiment)}
      strings={strings}
    />,
  );
}

const chips = (container: HTMLElement) => [...container.querySelectorAll(".e2c-chip")];

describe("the header chips", () => {
  test("are a group named after the control", () => {
    renderChips({ channel: "email" });
    expect(screen.getByRole("group", { name: "Handoff transcript" })).toBeTruthy();
  });

  test("a chip is its label, a colon and its value, as plain text with no colour of its own", () => {
    const { container } = renderChips({ channel: "<b>chat</b>" });
    const [chip] = chips(container);
    expect(chip!.className).toBe("e2c-chip");
    expect(chip!.getAttribute("style")).toBeNull();
    expect(chip!.querySelector(".e2c-chip-label")!.textContent).toBe("Channel:");
    expect(chip!.querySelector(".e2c-chip-value")!.textContent).toBe("<b>chat</b>");
    expect(chip!.querySelector("b")).toBeNull();
    expect(chip!.querySelector(`[data-icon-name='${Icons.Mail}']`)).not.toBeNull();
  });

  test("classification has its own chip and icon", () => {
    const { container } = renderChips({}, null, "Billing");
    expect(chips(container).map((c) => c.textContent)).toEqual(["Classification: Billing"]);
    expect(container.querySelector(`[data-icon-name='${Icons.Tag}']`)).not.toBeNull();
  });

  test("a header with nothing to show shows no chips", () => {
    const { container } = renderChips({ customer: {} });
    expect(chips(container)).toHaveLength(0);
  });

  test("a customer known by name and address shows both, a space apart", () => {
    const { container } = renderChips({ customer: { name: "Jane Doe", email: "jane@contoso.com" } });
    expect(chips(container).map((c) => c.textContent)).toEqual(["Customer: Jane Doe <jane@contoso.com>"]);
  });

  test("a customer known by name alone shows the name alone", () => {
    const { container } = renderChips({ customer: { name: "Jane Doe" } });
    expect(chips(container).map((c) => c.textContent)).toEqual(["Customer: Jane Doe"]);
    expect(container.querySelector(`[data-icon-name='${Icons.Contact}']`)).not.toBeNull();
  });

  test("a customer known by address alone shows the address in angle brackets", () => {
    const { container } = renderChips({ customer: { email: "jane@contoso.com" } });
    expect(chips(container).map((c) => c.textContent)).toEqual(["Customer: <jane@contoso.com>"]);
  });

  test("a sentiment with no words shows no sentiment chip", () => {
    const { container } = renderChips({}, "");
    expect(container.querySelector(".e2c-sentiment")).toBeNull();
  });

  test.each([
    ["Negative", "negative", Icons.Sad, "rgb(164, 38, 44)"],
    ["Positive", "positive", Icons.Emoji2, "rgb(16, 124, 16)"],
    ["Neutral", "neutral", Icons.EmojiNeutral, "rgb(96, 94, 92)"],
  ])("a %s sentiment: its word, its tone's icon and the theme's colour for it", (word, tone, icon, colour) => {
    const { container } = renderChips({}, word);
    const chip = container.querySelector<HTMLElement>(".e2c-sentiment")!;
    expect(chip.className).toBe(`e2c-chip e2c-sentiment e2c-tone-${tone}`);
    expect(chip.textContent).toBe(`Sentiment: ${word}`);
    expect(chip.querySelector(`[data-icon-name='${icon}']`)).not.toBeNull();
    expect(chip.style.color).toBe(colour);
  });

  test.each(["http://support.example.com/s/1", "HTTPS://support.example.com/s/1"])(
    "a session at %s is linked",
    (session) => {
      renderChips({ session });
      expect(screen.getByRole("link", { name: /Open the handoff session/ }).getAttribute("href")).toBe(session);
    },
  );

  test.each(["support.example.com/s/1", "see https://support.example.com/s/1", "https:/support.example.com"])(
    "a session written %p is not linked",
    (session) => {
      renderChips({ session });
      expect(screen.queryByRole("link")).toBeNull();
    },
  );
});
