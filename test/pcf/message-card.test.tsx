/**
 * One message's card as a rep reads it: who wrote it, when, its subject, its text with quoted text and signature
 * folded, and what a search match opens. Drawn from a hand-made view, so each case states its own offsets.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import * as React from "react";
import type { TranscriptMessage } from "../../core/transcript/types";
import { Icons } from "../../pcf/HandoffTranscript/components/icons";
import { MessageCard } from "../../pcf/HandoffTranscript/components/MessageCard";
import type { BodySegment, MessageView, SearchMatch } from "../../pcf/HandoffTranscript/model/view-model";
import { makeProps } from "./fixtures";

const TEXT = "Please refund it.\n\n"; // 0..19
const SIGNATURE = "Jane Doe\nContoso Ltd"; // 19..39
const QUOTED = "> Your invoice"; // 39..53

function message(overrides: Partial<TranscriptMessage> = {}): TranscriptMessage {
  return {
    timestamp: "2026-11-20T09:14:03Z",
    sender: { name: "Jane Doe", email: "jane@contoso.com" },
    role: "customer",
    subject: "Refund",
    body: TEXT + SIGNATURE + QUOTED,
    quoted: [],
    ...overrides,
  };
}

function view(overrides: Partial<MessageView> = {}): MessageView {
  const segments: BodySegment[] = [
    { text: TEXT, offset: 0, kind: "text" },
    { text: SIGNATURE, offset: 19, kind: "signature" },
    { text: QUOTED, offset: 39, kind: "quoted" },
  ];
  return {
    index: 0,
    message: message(),
    showSubject: true,
    handoffBefore: false,
    segments,
    hasQuoted: true,
    hasSignature: true,
    ...overrides,
  };
}

function renderCard(
  options: { view?: MessageView; matches?: SearchMatch[]; active?: SearchMatch; expanded?: boolean } = {},
) {
  const props = makeProps();
  const onToggle = jest.fn();
  const utils = render(
    <MessageCard
      view={options.view ?? view()}
      expanded={options.expanded ?? false}
      onToggle={onToggle}
      matches={options.matches ?? []}
      activeMatch={options.active}
      strings={props.strings}
      clock={props.clock}
      copyText={props.copyText}
    />,
  );
  return { ...utils, onToggle, copyText: props.copyText as jest.Mock, article: screen.getByRole("article") };
}

const signatureShown = (article: HTMLElement) => article.querySelector(".e2c-signature") !== null;

describe("a message card", () => {
  test("heads the card with sender, e-mail address, role and time, each in its place", () => {
    const { article } = renderCard();
    expect(article.className).toBe("e2c-message e2c-role-customer");
    expect(article.getAttribute("aria-label")).toBe("Jane Doe, Customer, Nov 20, 2026, 04:14 AM");
    const head = article.querySelector(".e2c-message-head")!;
    expect(
      [".e2c-sender", ".e2c-email", ".e2c-role", ".e2c-time"].map((c) => head.querySelector(c)?.textContent),
    ).toEqual(["Jane Doe", "jane@contoso.com", "Customer", "Nov 20, 2026, 04:14 AM"]);
  });

  test("a sender known only by address shows the address once, as the sender", () => {
    const { article } = renderCard({ view: view({ message: message({ sender: { email: "jane@contoso.com" } }) }) });
    expect(article.querySelector(".e2c-sender")!.textContent).toBe("jane@contoso.com");
    expect(article.querySelector(".e2c-email")).toBeNull();
  });

  test("a sender known only by name shows no address", () => {
    const { article } = renderCard({ view: view({ message: message({ sender: { name: "Jane Doe" } }) }) });
    expect(article.querySelector(".e2c-email")).toBeNull();
  });

  test("a message without a readable time shows no time", () => {
    const { article } = renderCard({ view: view({ message: message({ timestamp: null }) }) });
    expect(article.querySelector("time")).toBeNull();
  });

  test("the subject is shown under the head when it changed", () => {
    const { article } = renderCard();
    expect(article.querySelector(".e2c-subject")!.textContent).toBe("Refund");
  });

  test("a repeated subject is not shown again", () => {
    const { article } = renderCard({ view: view({ showSubject: false }) });
    expect(article.querySelector(".e2c-subject")).toBeNull();
  });

  test("a repeated subject with a search match in it is shown, with the match marked", () => {
    const match = { row: 0, start: 0, end: 3, inSubject: true };
    const { article } = renderCard({ view: view({ showSubject: false }), matches: [match] });
    expect(article.querySelector(".e2c-subject")!.innerHTML).toBe('<mark class="e2c-match">Ref</mark>und');
  });

  test("the body shows the reply text; signature and quoted text stay folded", () => {
    const { article } = renderCard();
    expect(article.querySelector(".e2c-body")!.textContent).toBe(`${TEXT}Show signatureShow quoted text`);
    expect(article.querySelector(".e2c-text")!.textContent).toBe(TEXT);
  });

  test("expanded, the quoted text is shown after the reply, under its own class", () => {
    const { article } = renderCard({ expanded: true });
    expect(article.querySelector(".e2c-quoted")!.textContent).toBe(QUOTED);
    expect(within(article).getByRole("button", { name: "Hide quoted text" }).className).toContain("e2c-quote-toggle");
  });

  test("the quoted-text button asks the list to unfold this message", () => {
    const { article, onToggle } = renderCard({ view: view({ index: 4 }) });
    const button = within(article).getByRole("button", { name: "Show quoted text" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(button);
    expect(onToggle).toHaveBeenCalledWith(4);
  });

  test("the signature button unfolds the signature and folds it again", () => {
    const { article } = renderCard();
    const button = within(article).getByRole("button", { name: "Show signature" });
    expect(button.className).toContain("e2c-signature-toggle");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(button);
    expect(article.querySelector(".e2c-signature")!.textContent).toBe(SIGNATURE);
    fireEvent.click(within(article).getByRole("button", { name: "Hide signature" }));
    expect(signatureShown(article)).toBe(false);
  });

  test("a message without quoted text or signature offers no fold buttons", () => {
    const { article } = renderCard({
      view: view({ segments: [{ text: TEXT, offset: 0, kind: "text" }], hasQuoted: false, hasSignature: false }),
    });
    expect(
      within(article)
        .queryAllByRole("button")
        .map((b) => b.getAttribute("title")),
    ).toEqual(["Copy message"]);
  });

  test("the first agent message after the handoff is preceded by the handoff divider", () => {
    const { container } = renderCard({ view: view({ handoffBefore: true }) });
    const divider = screen.getByRole("separator", { name: "Handed off to an agent" });
    expect(divider.textContent).toBe("Handed off to an agent");
    expect(divider.nextElementSibling).toBe(container.querySelector("article"));
  });

  test("other messages have no divider", () => {
    renderCard();
    expect(screen.queryByRole("separator")).toBeNull();
  });

  test("copying the message copies its text with time, sender and role", () => {
    const { article, copyText } = renderCard();
    fireEvent.click(within(article).getByRole("button", { name: "Copy message" }));
    expect(copyText).toHaveBeenCalledWith(
      `Nov 20, 2026, 04:14 AM Jane Doe <jane@contoso.com> (Customer)\nSubject: Refund\n${TEXT}${SIGNATURE}${QUOTED}`,
    );
  });
});

describe("a message card's buttons and marks", () => {
  const iconOf = (button: HTMLElement) => button.querySelector("[data-icon-name]")?.getAttribute("data-icon-name");

  test("each button shows its icon: copy, and the folds' 'more' or 'up' as they are closed or open", () => {
    const { article } = renderCard();
    expect(iconOf(within(article).getByRole("button", { name: "Copy message" }))).toBe(Icons.Copy);
    expect(iconOf(within(article).getByRole("button", { name: "Show signature" }))).toBe(Icons.More);
    expect(iconOf(within(article).getByRole("button", { name: "Show quoted text" }))).toBe(Icons.More);
    fireEvent.click(within(article).getByRole("button", { name: "Show signature" }));
    expect(iconOf(within(article).getByRole("button", { name: "Hide signature" }))).toBe(Icons.ChevronUp);
  });

  test("an open quote's button shows 'up'", () => {
    const { article } = renderCard({ expanded: true });
    expect(iconOf(within(article).getByRole("button", { name: "Hide quoted text" }))).toBe(Icons.ChevronUp);
  });

  test("subject matches are marked in the subject only, body matches in the body only", () => {
    const { article } = renderCard({
      view: view({ message: message({ subject: "Refund please" }) }),
      matches: [
        { row: 0, start: 0, end: 6, inSubject: true },
        { row: 0, start: 7, end: 13 },
      ],
    });
    expect(article.querySelector(".e2c-subject")!.innerHTML).toBe('<mark class="e2c-match">Refund</mark> please');
    expect(article.querySelector(".e2c-text")!.innerHTML).toBe('Please <mark class="e2c-match">refund</mark> it.\n\n');
  });

  test("after the message changes, copying copies the new message", () => {
    const { article, copyText, rerender } = renderCard();
    const props = makeProps();
    rerender(
      <MessageCard
        view={view({ message: message({ body: "Refund received, thanks.", subject: undefined }) })}
        expanded={false}
        onToggle={jest.fn()}
        matches={[]}
        activeMatch={undefined}
        strings={props.strings}
        clock={props.clock}
        copyText={copyText}
      />,
    );
    fireEvent.click(within(article).getByRole("button", { name: "Copy message" }));
    expect(copyText).toHaveBeenCalledWith(
      "Nov 20, 2026, 04:14 AM Jane Doe <jane@contoso.com> (Customer)\nRefund received, thanks.",
    );
  });
});

describe("an active search match and the folded signature", () => {
  test("the active match inside the signature opens it", () => {
    const match = { row: 0, start: 28, end: 35 };
    const { article } = renderCard({ matches: [match], active: match });
    expect(article.querySelector(".e2c-signature")!.innerHTML).toBe(
      'Jane Doe\n<mark class="e2c-match e2c-match-active" data-active="true">Contoso</mark> Ltd',
    );
  });

  test("an active match that ends where the signature starts leaves it folded", () => {
    const match = { row: 0, start: 7, end: 19 };
    const { article } = renderCard({ matches: [match], active: match });
    expect(signatureShown(article)).toBe(false);
  });

  test("an active match that starts where the signature ends leaves it folded", () => {
    const match = { row: 0, start: 39, end: 41 };
    const { article } = renderCard({ matches: [match], active: match, expanded: true });
    expect(signatureShown(article)).toBe(false);
  });

  test("an active match in the quoted text leaves the signature folded", () => {
    const match = { row: 0, start: 41, end: 45 };
    const { article } = renderCard({ matches: [match], active: match, expanded: true });
    expect(signatureShown(article)).toBe(false);
  });

  test("an active match in the subject leaves the signature folded", () => {
    const match = { row: 0, start: 20, end: 23, inSubject: true };
    const { article } = renderCard({ matches: [match], active: match });
    expect(signatureShown(article)).toBe(false);
  });

  test("an active match in another message leaves this one's signature folded", () => {
    const inOther = { row: 1, start: 28, end: 35 };
    const { article } = renderCard({ matches: [], active: inOther });
    expect(signatureShown(article)).toBe(false);
  });

  test("a match that is not the active one leaves the signature folded", () => {
    const match = { row: 0, start: 28, end: 35 };
    const { article } = renderCard({ matches: [match] });
    expect(signatureShown(article)).toBe(false);
  });
});
