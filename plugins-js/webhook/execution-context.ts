/**
 * The body Dataverse POSTs to a webhook: the JSON serialisation of `RemoteExecutionContext` ("Use WebHooks to create
 * external handlers for server events", https://learn.microsoft.com/power-apps/developer/data-platform/use-webhooks).
 * Parameter and image collections are arrays of `{ key, value }`; an entity carries `LogicalName`, `Id` and
 * `Attributes` as `{ key, value }` pairs. Only what the handler reads is checked; the rest passes through.
 */
import { z } from "zod";
import { GUID_RE } from "../../core/connector/odata-literals";
import { problemsOf } from "../../core/email-to-case/scenario";
import type { InputProblem } from "../../core/transcript/handoff";

const keyValue = z.object({ key: z.string(), value: z.unknown() });

const entity = z.looseObject({
  LogicalName: z.string(),
  Id: z.string().regex(GUID_RE, "must be a GUID"),
  Attributes: z.array(keyValue),
});

const image = z.object({ key: z.string(), value: entity });

export const executionContextSchema = z.looseObject({
  MessageName: z.string().min(1),
  PrimaryEntityName: z.string().min(1),
  PrimaryEntityId: z.string().regex(GUID_RE, "must be a GUID"),
  Stage: z.number().int().optional(),
  Mode: z.number().int().optional(),
  Depth: z.number().int().min(0).optional(),
  CorrelationId: z.string().nullish(),
  RequestId: z.string().nullish(),
  OrganizationName: z.string().nullish(),
  /** Removed by Dataverse when the message is over 256 KB (then `x-ms-dynamics-msg-size-exceeded` is sent). */
  InputParameters: z.array(keyValue).optional(),
  PostEntityImages: z.array(image).optional(),
  PreEntityImages: z.array(image).optional(),
});

export type ExecutionContext = z.infer<typeof executionContextSchema>;
export type ContextEntity = z.infer<typeof entity>;

export function parseExecutionContext(
  input: unknown,
): { ok: true; context: ExecutionContext } | { ok: false; problems: InputProblem[] } {
  const result = executionContextSchema.safeParse(input);
  return result.success ? { ok: true, context: result.data } : { ok: false, problems: problemsOf(result.error) };
}

/** The attributes of an entity as a plain object (an entity's `{ key, value }` list). */
export function attributesOf(e: ContextEntity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of e.Attributes) out[key] = value;
  return out;
}

/** The `Target` input parameter when it is the primary record (Create and Update carry it). */
export function targetOf(context: ExecutionContext): ContextEntity | null {
  const target = context.InputParameters?.find((p) => p.key === "Target")?.value;
  const parsed = entity.safeParse(target);
  if (!parsed.success || parsed.data.LogicalName !== context.PrimaryEntityName) return null;
  return parsed.data;
}

/** The first post-operation image of the record, if the step registered one. */
export function postImageOf(context: ExecutionContext): ContextEntity | null {
  return context.PostEntityImages?.find((i) => i.value.LogicalName === context.PrimaryEntityName)?.value ?? null;
}

/** An `OptionSetValue` is `{ "__type": "OptionSetValue:…", "Value": n }` in the context; the Web API sends `n`. */
export function plainValue(value: unknown): unknown {
  if (value && typeof value === "object" && "Value" in value) return (value as { Value: unknown }).Value;
  return value;
}
