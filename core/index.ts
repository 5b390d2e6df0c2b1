/** The toolkit's decisions, shared by the control, the form scripts and the Node side (PRODUCT.md §3). */
export * from "./transcript";
export * from "./email-to-case";
export * from "./connector";
export * from "./enrichment";
