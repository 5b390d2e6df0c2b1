import * as React from "react";
import { HandoffTranscriptView } from "./components/HandoffTranscriptView";
import { registerControlIcons } from "./components/icons";
import { propsFromContext } from "./context-props";
import type { IInputs, IOutputs } from "./generated/ManifestTypes";

/** E2C.HandoffTranscript: maps the context to props and renders the view; it decides nothing itself. */
export class HandoffTranscript implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  public init(context: ComponentFramework.Context<IInputs>): void {
    context.mode.trackContainerResize(true);
    registerControlIcons();
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    return React.createElement(HandoffTranscriptView, propsFromContext(context));
  }

  /** A read-only view: it never changes the bound columns. */
  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // Nothing to release: React unmounts the view.
  }
}
