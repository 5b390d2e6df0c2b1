import { fireEvent, render, screen, within } from "@testing-library/react";
import * as React from "react";
import { HandoffTranscriptView } from "../../pcf/HandoffTranscript/components/HandoffTranscriptView";
import { makeProps } from "./fixtures";

const SIGNED = `Channel: email

--- Transcript ---
[2026-11-20T09:14:03Z] Jane Doe <jane@contoso.com> (customer)
Subject: Charged twice
Please refund the second charge.

Sent from my iPhone

[2026-11-20T09:15:10Z] Sam Agent <sam@contoso.com> (agent)
Subject: RE: Charged twice
Refund issued.

--- End of transcript (2 messages) ---`;

function renderSigned() {
  return render(<HandoffTranscriptView {...makeProps({ description: SIGNED })} />);
}

describe("a message's signature and subject, as a rep sees them", () => {
  test("a trailing signature is folded behind its own label, never called quoted", () => {
    renderSigned();
    const first = screen.getAllByRole("article")[0]!;
    expect(first.textContent).toContain("Please refund the second charge.");
    expect(first.textContent).not.toContain("Sent from my iPhone");
    expect(within(first).queryByRole("button", { name: "Show quoted text" })).toBeNull();
    fireEvent.click(within(first).getByRole("button", { name: "Show signature" }));
    const shown = screen.getAllByRole("article")[0]!;
    expect(shown.querySelector(".e2c-signature")!.textContent).toBe("Sent from my iPhone");
    expect(within(shown).getByRole("button", { name: "Hide signature" }).getAttribute("aria-expanded")).toBe("true");
  });

  test("a match inside the folded signature opens it", () => {
    renderSigned();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "iphone" } });
    expect(screen.getAllByRole("article")[0]!.querySelector("mark.e2c-match-active")!.textContent).toBe("iPhone");
  });

  test("search finds a word in a subject, also where the subject is not repeated", () => {
    const { container } = renderSigned();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "twice" } });
    expect(screen.getByRole("status").textContent).toBe("1 of 2 matches");
    const subjects = [...container.querySelectorAll(".e2c-subject")];
    expect(subjects.map((s) => s.querySelector("mark")?.textContent)).toEqual(["twice", "twice"]);
  });
});
