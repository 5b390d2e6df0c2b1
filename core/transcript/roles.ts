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
    // Stryker disable StringLiteral,ConditionalExpression: a shortcut for the four canonical names; without it they reach ROLE_ALIASES, which maps each to itself
    case "customer":
    case "agent":
    case "ai":
    case "system":
      // Stryker restore StringLiteral,ConditionalExpression
      return text;
    default:
      return ROLE_ALIASES[text.trim().toLowerCase()] ?? null;
  }
}
