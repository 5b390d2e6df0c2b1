import { render } from "@testing-library/react";
import * as React from "react";
import { writeTranscript } from "../../core/transcript/write";
import { HandoffTranscriptView } from "../../pcf/HandoffTranscript/components/HandoffTranscriptView";
import type { HandoffTranscriptProps } from "../../pcf/HandoffTranscript/components/types";
import type { IInputs } from "../../pcf/HandoffTranscript/generated/ManifestTypes";
import { DEFAULT_STRINGS, type StringKey } from "../../pcf/HandoffTranscript/strings/defaults";
import { handoffWithMessages } from "../fixtures/handoffs";

export const strings = (key: StringKey): string => DEFAULT_STRINGS[key];

/** Props for the view, with a user in New York (UTC−5 in November) and a fixed "now". */
export function makeProps(overrides: Partial<HandoffTranscriptProps> = {}): HandoffTranscriptProps {
  return {
    description: null,
    readable: true,
    disabled: false,
    classification: null,
    sentimentValue: null,
    order: "oldestFirst",
    isRTL: false,
    isPhone: false,
    strings,
    clock: { offsetMinutes: () => -300, locale: "en-US", now: () => new Date("2026-11-20T12:14:03Z") },
    copyText: jest.fn(() => Promise.resolve()),
    ...overrides,
  };
}

/** A transcript of `count` messages written in full, where message `quoting` quotes an invoice and the others do not. */
export function threadQuotingAt(count: number, quoting: number): string {
  const body = (i: number) =>
    i === quoting
      ? "Hi.\n\nOn 19 Nov 2026, at 18:02, Contoso Billing <billing@contoso.com> wrote:\n> Invoice."
      : `Message ${i}.`;
  return writeTranscript(handoffWithMessages(count, body), { maxLength: null });
}

/** A description that holds 1 of 7 messages, as the writer truncates it. */
export const TRUNCATED = `Channel: email
Classification: Billing
Sentiment: Negative

--- Transcript ---
[2026-11-20T09:14:03Z] Jane Doe <jane.doe@contoso.com> (customer)
Charged twice.

--- Transcript truncated: 1 of 7 messages shown; full transcript in note "Handoff transcript" ---`;

/** The whole control over `description` (PRODUCT.md §4's example unless told), with makeProps' user. */
export function renderView(description: string | null, overrides: Partial<HandoffTranscriptProps> = {}) {
  const props = makeProps({ description, ...overrides });
  return { props, ...render(React.createElement(HandoffTranscriptView, props)) };
}

export interface MockContextOptions {
  description?: string | null;
  readable?: boolean;
  classification?: string | null;
  sentiment?: number | null;
  order?: string;
  width?: number;
  height?: number;
  formFactor?: number;
  isRTL?: boolean;
  languageId?: number;
  offsetMinutes?: number;
  entityId?: string;
  retrieveMultipleRecords?: jest.Mock;
  /** The bound Customer lookup's id. */
  customerId?: string;
  entityTypeName?: string;
  openForm?: jest.Mock;
  strings?: Record<string, string>;
  fluentDesignLanguage?: unknown;
}

/** A typed stand-in for ComponentFramework.Context<IInputs>, with only what the control reads. */
export function mockContext(
  o: MockContextOptions = {},
): ComponentFramework.Context<IInputs> & { trackContainerResize: jest.Mock } {
  const trackContainerResize = jest.fn();
  const context = {
    parameters: {
      description: {
        raw: o.description ?? null,
        security: { readable: o.readable ?? true, editable: false, secured: o.readable === false },
      },
      classification: { raw: o.classification ?? null },
      sentiment: { raw: o.sentiment ?? null },
      messageOrder: { raw: o.order ?? "oldestFirst" },
      customer: { raw: o.customerId ? [{ id: o.customerId, name: "Jane Doe", entityType: "contact" }] : [] },
    },
    mode: {
      isControlDisabled: false,
      allocatedWidth: o.width ?? 800,
      allocatedHeight: o.height ?? 600,
      trackContainerResize,
      contextInfo: {
        entityId: o.entityId ?? "{6D0B8C4E-1111-4A2B-9C3D-000000000001}",
        entityTypeName: o.entityTypeName ?? "incident",
      },
    },
    client: { getFormFactor: () => o.formFactor ?? 1 },
    userSettings: {
      isRTL: o.isRTL ?? false,
      languageId: o.languageId ?? 1033,
      getTimeZoneOffsetMinutes: () => o.offsetMinutes ?? -300,
    },
    resources: { getString: (key: string) => o.strings?.[key] ?? key },
    webAPI: { retrieveMultipleRecords: o.retrieveMultipleRecords ?? jest.fn(() => Promise.resolve({ entities: [] })) },
    navigation: { openForm: o.openForm ?? jest.fn(() => Promise.resolve({ savedEntityReference: [] })) },
    fluentDesignLanguage: o.fluentDesignLanguage,
  };
  return Object.assign(context as unknown as ComponentFramework.Context<IInputs>, { trackContainerResize });
}
