/**
 * What registering the control's icons does to a page. setup.ts registers them before every view test, so each test
 * here first takes them off the page and loads icons.tsx afresh, as a page that has not run the control yet.
 */
import { getIcon, MessageBarType, unregisterIcons } from "@fluentui/react";
import type * as React from "react";
import { Icons } from "../../pcf/HandoffTranscript/components/icons";

type IconsModule = typeof import("../../pcf/HandoffTranscript/components/icons");

function freshPage(): IconsModule {
  // Fluent warns of each name that is not there to take off (the test before may have left none).
  const quiet = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  unregisterIcons(Object.values(Icons));
  quiet.mockRestore();
  let icons: IconsModule | undefined;
  jest.isolateModules(() => {
    icons = jest.requireActual<IconsModule>("../../pcf/HandoffTranscript/components/icons");
  });
  return icons!;
}

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

test("starting the control registers every icon it names, as inline SVG", () => {
  freshPage().registerControlIcons();
  for (const name of Object.values(Icons)) {
    const icon = getIcon(name);
    expect(icon?.code).toBeTruthy();
    expect(typeof icon?.code).not.toBe("string");
  }
});

test("a second control on the form registers nothing again, so Fluent never warns of re-registered icons", () => {
  jest.useFakeTimers();
  const page = freshPage();
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  page.registerControlIcons();
  page.registerControlIcons();
  // Fluent collects re-registered icons and warns of them two seconds later.
  jest.advanceTimersByTime(5000);
  expect(warn).not.toHaveBeenCalled();
});

test("each icon draws as one em square in the text's colour, in line with the text", () => {
  freshPage().registerControlIcons();
  for (const name of Object.values(Icons)) {
    const svg = getIcon(name)!.code as unknown as React.ReactElement<{ style: React.CSSProperties }>;
    expect(svg.props.style).toEqual({
      display: "inline-block",
      width: "1em",
      height: "1em",
      fill: "currentColor",
      verticalAlign: "middle",
    });
  }
});

test("message bars show the control's own info, warning and error icons", () => {
  const { messageBarIcon } = freshPage();
  expect([
    messageBarIcon(MessageBarType.info),
    messageBarIcon(MessageBarType.warning),
    messageBarIcon(MessageBarType.error),
    messageBarIcon(MessageBarType.success),
  ]).toEqual([{ iconName: "e2c-info" }, { iconName: "e2c-warning" }, { iconName: "e2c-errorbadge" }, undefined]);
});
