/**
 * The PCF context mapped to the view's props: the only place that knows the platform's shapes (field security,
 * allocated size, form factor, theme, time zone, Web API), so the view stays testable without a form.
 */
import { odataString } from "../../core/connector/odata-literals";
import { FULL_TRANSCRIPT_NOTE_SUBJECT } from "../../core/transcript/grammar";
import type { HandoffTranscriptProps } from "./components/types";
import type { IInputs } from "./generated/ManifestTypes";
import type { MessageOrder } from "./ManifestConstants";
import { earlierHandoffRows, earlierHandoffsQuery, type EarlierHandoffRow } from "./model/earlier-handoffs";
import { languageTag } from "./model/time";
import { themeFromDesignLanguage, type FluentDesignLanguage } from "./model/theme";
import { DEFAULT_STRINGS, type StringKey } from "./strings/defaults";

type Context = ComponentFramework.Context<IInputs>;

/** Form factor 3 is a phone (ComponentFramework client.getFormFactor); narrow containers are treated alike. */
const PHONE = 3;
const PHONE_WIDTH = 350;

function strings(context: Context): (key: StringKey) => string {
  return (key) => {
    const value = context.resources?.getString(key);
    // The platform returns the key itself when a string is missing.
    return value && value !== key ? value : DEFAULT_STRINGS[key];
  };
}

/** The current record's id, when it is a case: the case the control sits on. */
function recordId(context: Context): string | undefined {
  // contextInfo is on model-driven forms but not in the published typings (ComponentFramework.Mode).
  const info = (context.mode as unknown as { contextInfo?: { entityId?: string; entityTypeName?: string } })
    .contextInfo;
  const page = (context as unknown as { page?: { entityId?: string; entityTypeName?: string } }).page;
  const type = info?.entityTypeName ?? page?.entityTypeName;
  if (type !== undefined && type !== "incident") return undefined;
  return info?.entityId ?? page?.entityId ?? undefined;
}

/** The customer's earlier handoffs through context.webAPI, in one request; absent when the customer is unknown. */
export function earlierHandoffsSource(
  webAPI: ComponentFramework.WebApi | undefined,
  caseId: string | undefined,
  customerId: string | undefined,
): HandoffTranscriptProps["earlierHandoffs"] {
  const query = earlierHandoffsQuery(caseId, customerId);
  if (!webAPI || !query) return undefined;
  return {
    key: query,
    load: async (): Promise<EarlierHandoffRow[]> =>
      earlierHandoffRows((await webAPI.retrieveMultipleRecords("incident", query)).entities),
  };
}

function caseOpener(navigation: ComponentFramework.Navigation | undefined): ((id: string) => void) | undefined {
  if (!navigation) return undefined;
  return (id) => void navigation.openForm({ entityName: "incident", entityId: id });
}

/** Reads the newest note "Handoff transcript" on the case (PRODUCT.md §4 rule 2) through context.webAPI. */
export function fullTranscriptLoader(webAPI: ComponentFramework.WebApi, caseId: string): () => Promise<string | null> {
  const id = caseId.replace(/[{}]/g, "");
  const query =
    `?$select=notetext&$filter=_objectid_value eq ${id} and subject eq ${odataString(FULL_TRANSCRIPT_NOTE_SUBJECT)}` +
    `&$orderby=createdon desc&$top=1`;
  return async () => {
    const result = await webAPI.retrieveMultipleRecords("annotation", query);
    const note = result.entities[0] as { notetext?: string | null } | undefined;
    return note?.notetext ?? null;
  };
}

async function copyToClipboard(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

export function propsFromContext(context: Context): HandoffTranscriptProps {
  const { parameters, mode, userSettings } = context;
  const description = parameters.description;
  const security = description.security;
  const caseId = recordId(context);
  const customer = parameters.customer?.raw?.[0];
  const width = mode.allocatedWidth;
  const order = (parameters.messageOrder?.raw as MessageOrder | undefined) ?? "oldestFirst";
  return {
    description: description.raw ?? null,
    readable: security ? security.readable : true,
    disabled: mode.isControlDisabled,
    classification: parameters.classification?.raw ?? null,
    sentimentValue: parameters.sentiment?.raw ?? null,
    order: order === "newestFirst" ? "newestFirst" : "oldestFirst",
    width,
    height: mode.allocatedHeight,
    isRTL: userSettings.isRTL,
    isPhone: context.client.getFormFactor() === PHONE || (width > 0 && width < PHONE_WIDTH),
    theme: themeFromDesignLanguage(
      (context as unknown as { fluentDesignLanguage?: FluentDesignLanguage }).fluentDesignLanguage,
    ),
    strings: strings(context),
    clock: {
      offsetMinutes: (utc) => userSettings.getTimeZoneOffsetMinutes(utc),
      locale: languageTag(userSettings.languageId),
      now: () => new Date(),
    },
    loadFullTranscript: caseId && context.webAPI ? fullTranscriptLoader(context.webAPI, caseId) : undefined,
    copyText: copyToClipboard,
    earlierHandoffs: earlierHandoffsSource(context.webAPI, caseId, customer?.id),
    openCase: caseOpener(context.navigation),
  };
}
