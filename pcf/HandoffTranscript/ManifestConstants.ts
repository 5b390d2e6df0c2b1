/** Names from ControlManifest.Input.xml, in one place. */
export const CONTROL_NAME = "E2C.HandoffTranscript";

export const ManifestProperty = {
  description: "description",
  classification: "classification",
  sentiment: "sentiment",
  customer: "customer",
  messageOrder: "messageOrder",
} as const;

export type MessageOrder = "oldestFirst" | "newestFirst";
