import { render, screen } from "@testing-library/react";
import { HandoffTranscript } from "../../pcf/HandoffTranscript";
import { EXAMPLE_TRANSCRIPT } from "../fixtures/handoffs";
import { mockContext } from "./fixtures";

describe("the control's lifecycle: init → updateView → getOutputs → destroy", () => {
  test("init asks the form to report the space it gives the control", () => {
    const context = mockContext();
    new HandoffTranscript().init(context);
    expect(context.trackContainerResize).toHaveBeenCalledWith(true);
  });

  test("updateView renders the bound description", () => {
    const control = new HandoffTranscript();
    const context = mockContext({ description: EXAMPLE_TRANSCRIPT });
    control.init(context);
    render(control.updateView(context));
    expect(screen.getAllByRole("article")).toHaveLength(2);
  });

  test("updateView re-renders when the bound value changes", () => {
    const control = new HandoffTranscript();
    const first = mockContext({ description: EXAMPLE_TRANSCRIPT });
    control.init(first);
    const { rerender } = render(control.updateView(first));
    rerender(control.updateView(mockContext({ description: "Just a note." })));
    expect(screen.queryAllByRole("article")).toHaveLength(0);
    expect(screen.getByText("Just a note.")).toBeTruthy();
  });

  test("the control is read-only: getOutputs changes nothing", () => {
    expect(new HandoffTranscript().getOutputs()).toEqual({});
  });

  test("destroy releases without error", () => {
    expect(() => new HandoffTranscript().destroy()).not.toThrow();
  });
});
