/**
 * Transcript text is data, never markup: on every path that puts text from a case on screen — a description that is
 * no transcript, the fallback after a drawing error, search highlights — markup in the text stays visible text and
 * no element, attribute or script comes from it.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import * as React from "react";
import { HandoffTranscriptView } from "../../pcf/HandoffTranscript/components/HandoffTranscriptView";
import { EXAMPLE_TRANSCRIPT } from "../fixtures/handoffs";
import { makeProps } from "./fixtures";

const HOSTILE =
  '<script>window.pwned=1</script><img src=x onerror="window.pwned=1"><a href="javascript:alert(1)">click</a><b>bold</b>';
const ANY_MARKUP = "script, img, a[href^='javascript'], b";

afterEach(() => {
  expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
});

test("a description that is no transcript shows its markup as text, character for character", () => {
  const description = `Customer wrote in by phone.\n${HOSTILE}\nPlease call back.`;
  const { container } = render(<HandoffTranscriptView {...makeProps({ description })} />);
  const pre = container.querySelector("pre.e2c-raw")!;
  expect(pre.textContent).toBe(description);
  expect(pre.children).toHaveLength(0);
  expect(container.querySelector(ANY_MARKUP)).toBeNull();
});

test("after a drawing error, the text shown in its place is text, character for character", async () => {
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const description = EXAMPLE_TRANSCRIPT.replace("Sorry to hear that.", HOSTILE);
  const failing = (key: string) => {
    if (key === "Channel_Label") throw new Error("boom");
    return key;
  };
  const { container } = render(<HandoffTranscriptView {...makeProps({ description, strings: failing as never })} />);
  expect(await screen.findByText("Error")).toBeTruthy();
  const pre = container.querySelector("pre.e2c-raw")!;
  expect(pre.textContent).toBe(description);
  expect(pre.children).toHaveLength(0);
  expect(container.querySelector(ANY_MARKUP)).toBeNull();
  spy.mockRestore();
});

test("searching inside markup highlights the characters, not an element", () => {
  const description = EXAMPLE_TRANSCRIPT.replace("Sorry to hear that.", `Sorry. ${HOSTILE} Handing you over.`);
  const { container } = render(<HandoffTranscriptView {...makeProps({ description })} />);
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "<img src=x" } });
  const marks = [...container.querySelectorAll("mark")];
  expect(marks.map((m) => m.textContent)).toEqual(["<img src=x"]);
  expect(marks[0]!.children).toHaveLength(0);
  expect(container.querySelector(ANY_MARKUP)).toBeNull();
  expect(screen.getAllByRole("article")[1]!.textContent).toContain(`Sorry. ${HOSTILE} Handing you over.`);
});

test("searching for markup that is not in the text finds nothing and adds nothing", () => {
  const { container } = render(<HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT })} />);
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "<b>bold</b>" } });
  expect(container.querySelectorAll("mark")).toHaveLength(0);
  expect(container.querySelector(ANY_MARKUP)).toBeNull();
});
