import { fullTranscriptLoader, propsFromContext } from "../../pcf/HandoffTranscript/context-props";
import { mockContext } from "./fixtures";

describe("the PCF context mapped to the view's props", () => {
  test("reads the bound columns and the message order", () => {
    const p = propsFromContext(
      mockContext({ description: "x", classification: "Billing", sentiment: 412500001, order: "newestFirst" }),
    );
    expect([p.description, p.classification, p.sentimentValue, p.order]).toEqual([
      "x",
      "Billing",
      412500001,
      "newestFirst",
    ]);
  });

  test("an unknown order falls back to oldest first", () => {
    expect(propsFromContext(mockContext({ order: "sideways" })).order).toBe("oldestFirst");
  });

  test("field security: a column the user may not read is masked", () => {
    expect(propsFromContext(mockContext({ readable: false })).readable).toBe(false);
  });

  test("a phone, or a container narrower than 350 px, gets the phone layout", () => {
    expect(propsFromContext(mockContext({ formFactor: 3 })).isPhone).toBe(true);
    expect(propsFromContext(mockContext({ width: 320 })).isPhone).toBe(true);
    expect(propsFromContext(mockContext({ width: 900 })).isPhone).toBe(false);
  });

  test("the user's time zone, language and reading direction", () => {
    const p = propsFromContext(mockContext({ offsetMinutes: 60, languageId: 1031, isRTL: true }));
    expect([p.clock.offsetMinutes(new Date()), p.clock.locale, p.isRTL]).toEqual([60, "de-DE", true]);
  });

  test("platform strings are used, English when the platform has none", () => {
    const p = propsFromContext(mockContext({ strings: { CopyAll: "Protokoll kopieren" } }));
    expect([p.strings("CopyAll"), p.strings("Empty")]).toEqual(["Protokoll kopieren", "No transcript on this case."]);
  });

  test("the app's theme tokens become the control's theme; dark themes are inverted", () => {
    const p = propsFromContext(
      mockContext({ fluentDesignLanguage: { isDarkTheme: true, tokenTheme: { colorNeutralBackground1: "#292929" } } }),
    );
    expect(p.theme?.palette.white).toBe("#292929");
    expect(p.theme?.isInverted).toBe(true);
    expect(propsFromContext(mockContext()).theme).toBeUndefined();
  });

  test("the full transcript is read from the case's newest note 'Handoff transcript'", async () => {
    const retrieveMultipleRecords = jest.fn(() => Promise.resolve({ entities: [{ notetext: "full text" }] }));
    const load = fullTranscriptLoader({ retrieveMultipleRecords } as unknown as ComponentFramework.WebApi, "{ABC-123}");
    await expect(load()).resolves.toBe("full text");
    expect(retrieveMultipleRecords).toHaveBeenCalledWith(
      "annotation",
      "?$select=notetext&$filter=_objectid_value eq ABC-123 and subject eq 'Handoff transcript'&$orderby=createdon desc&$top=1",
    );
  });

  test("no such note reads as null", async () => {
    const load = fullTranscriptLoader(
      { retrieveMultipleRecords: () => Promise.resolve({ entities: [] }) } as never,
      "id",
    );
    await expect(load()).resolves.toBeNull();
  });
});
