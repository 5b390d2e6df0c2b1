/** Message roles (PRODUCT.md §4 rule 3), with the words other systems use for them. */
import type { MessageRole } from "./types";

const ROLE_ALIASES: Record<string, MessageRole> = {
  customer: "customer",
  agent: "agent",
  ai: "ai",
  system: "system",
  bot: "ai",
  assistant: "ai",
  human: "agent",
  rep: "agent",
};

export function normalizeRole(text: string): MessageRole | null {
  switch (text) {
    case "customer":
    case "agent":
    case "ai":
    case "system":
      return text;
    default:
      return ROLE_ALIASES[text.trim().toLowerCase()] ?? null;
  }
}
