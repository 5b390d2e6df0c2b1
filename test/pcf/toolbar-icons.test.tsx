import { getIcon } from "@fluentui/react";
import { render, screen } from "@testing-library/react";
import * as React from "react";
import { HandoffTranscriptView } from "../../pcf/HandoffTranscript/components/HandoffTranscriptView";
import { Icons } from "../../pcf/HandoffTranscript/components/icons";
import { EXAMPLE_TRANSCRIPT } from "../fixtures/handoffs";
import { makeProps } from "./fixtures";

const TOOL_NAMES = ["Previous match", "Next match", "Expand all quoted text", "Copy transcript"];

describe("the toolbar and its icons", () => {
  test("wider than a phone, each button shows its label beside its icon", () => {
    const { container } = render(<HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT })} />);
    const tools = [...container.querySelectorAll(".e2c-toolbar .e2c-tool")];
    expect(tools.map((t) => t.textContent)).toEqual(TOOL_NAMES);
    for (const tool of tools) expect(tool.querySelector("[data-icon-name] svg")).not.toBeNull();
  });

  test("on a phone, the buttons are icons with an accessible name and a tooltip", () => {
    const { container } = render(
      <HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT, isPhone: true })} />,
    );
    const tools = [...container.querySelectorAll(".e2c-toolbar .e2c-tool")];
    expect(tools.map((t) => t.textContent)).toEqual(["", "", "", ""]);
    for (const name of TOOL_NAMES) expect(screen.getByRole("button", { name })).toBeTruthy();
    // Fluent's TooltipHost wraps each icon-only button.
    expect(container.querySelectorAll(".e2c-toolbar .ms-TooltipHost .e2c-tool")).toHaveLength(4);
  });

  test("every icon the control names is registered as inline SVG, under the control's own names", () => {
    for (const name of Object.values(Icons)) {
      expect(name).toMatch(/^e2c-/);
      const icon = getIcon(name);
      expect(icon?.code).toBeTruthy();
      expect(typeof icon?.code).not.toBe("string");
    }
  });

  test("no element of the control names an icon it has not registered", () => {
    const { container } = render(<HandoffTranscriptView {...makeProps({ description: EXAMPLE_TRANSCRIPT })} />);
    const named = [...container.querySelectorAll("[data-icon-name]")].map((e) => e.getAttribute("data-icon-name"));
    expect(named.length).toBeGreaterThan(5);
    for (const name of named) expect(Object.values(Icons)).toContain(name);
  });
});
