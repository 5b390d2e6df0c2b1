export * from "./table-metadata";
export * from "./odata-literals";
export * from "./column-values";
export * from "./ticket-properties";
export * from "./contact-match";
export * from "./handoff-plan";
export * from "./explain-error";
export * from "./handoff-limits";
