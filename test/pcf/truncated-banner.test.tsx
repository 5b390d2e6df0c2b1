/** The banner over a truncated description, in each state of loading the full transcript from its note. */
import { fireEvent, render, screen } from "@testing-library/react";
import * as React from "react";
import { TruncatedBanner, type FullTranscriptState } from "../../pcf/HandoffTranscript/components/TruncatedBanner";
import { strings } from "./fixtures";

function renderBanner(state: FullTranscriptState, { canLoad = true } = {}) {
  const onLoad = jest.fn();
  const { container } = render(
    <TruncatedBanner shown={3} total={7} state={state} onLoad={canLoad ? onLoad : undefined} strings={strings} />,
  );
  return { onLoad, container };
}

const loadButton = () => screen.queryByRole("button", { name: "Load full transcript" });

describe("the banner over a truncated description", () => {
  test("says how many of how many messages are shown", async () => {
    renderBanner({ kind: "idle" });
    expect(
      await screen.findByText(
        'This description shows 3 of 7 messages. The full transcript is in the note "Handoff transcript".',
      ),
    ).toBeTruthy();
  });

  test("the load button asks for the full transcript", () => {
    const { onLoad } = renderBanner({ kind: "idle" });
    fireEvent.click(loadButton()!);
    expect(onLoad).toHaveBeenCalledTimes(1);
  });

  test("without a way to read the note, no load button is offered", () => {
    renderBanner({ kind: "idle" }, { canLoad: false });
    expect(loadButton()).toBeNull();
  });

  test("while the note is read, says so and offers no second load", () => {
    renderBanner({ kind: "loading" });
    expect(screen.getByText("Loading the full transcript…")).toBeTruthy();
    expect(loadButton()).toBeNull();
  });

  test("when the case has no such note, says so and offers no load", async () => {
    renderBanner({ kind: "not-found" });
    expect(await screen.findByText('No note "Handoff transcript" was found on this case.')).toBeTruthy();
    expect(loadButton()).toBeNull();
    expect(screen.queryByText("Loading the full transcript…")).toBeNull();
  });

  test("when reading the note failed, says why and offers to try again", async () => {
    renderBanner({ kind: "failed", message: "503 Service Unavailable" });
    expect(await screen.findByText("The full transcript could not be loaded: 503 Service Unavailable")).toBeTruthy();
    expect(loadButton()).not.toBeNull();
  });

  test("before anything is asked, only the banner and its button are shown", () => {
    const { container } = renderBanner({ kind: "idle" });
    expect(container.querySelectorAll(".ms-MessageBar")).toHaveLength(1);
    expect(screen.queryByText("Loading the full transcript…")).toBeNull();
  });
});
