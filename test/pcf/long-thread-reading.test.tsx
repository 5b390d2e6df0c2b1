/**
 * A long thread opens without reading every message's quoted text and signature: the list renders the messages near
 * the viewport, and only their bodies are read (PRODUCT.md §9). jsdom lays nothing out, so Fluent's List renders the
 * first page, ten messages.
 */
import { render, screen } from "@testing-library/react";
import * as React from "react";
import * as quoted from "../../core/transcript/quoted";
import { HandoffTranscriptView } from "../../pcf/HandoffTranscript/components/HandoffTranscriptView";
import { makeProps, threadQuotingAt } from "./fixtures";

afterEach(() => {
  jest.restoreAllMocks();
});

/** 200 messages; the latest quotes an invoice, so, newest first, the toolbar's "Expand all" needs to read no further. */
const LONG_THREAD = threadQuotingAt(200, 199);

function bodiesRead(): number {
  const lineByLine = jest.spyOn(quoted, "readReplyParts");
  const into = jest.spyOn(quoted, "readReplyPartsInto");
  render(<HandoffTranscriptView {...makeProps({ description: LONG_THREAD, order: "newestFirst" })} />);
  return lineByLine.mock.calls.length + into.mock.calls.length;
}

test("opening a 200-message thread newest first reads the quoted text of the shown page only", () => {
  const read = bodiesRead();
  expect(screen.getAllByRole("listitem").length).toBeLessThan(20);
  expect(read).toBeGreaterThan(0);
  expect(read).toBeLessThanOrEqual(screen.getAllByRole("listitem").length);
});
