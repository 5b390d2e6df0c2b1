/** What each stage of a diagnosis reports (diagnose-scenario.md, `e2c-diagnosis/1`). */
import { reasonOf, recommendationOf, statusOf, type Reason, type ReasonKey, type StageName } from "./reasons";

export type StageStatus = "passed" | "stopped" | "failed" | "not-reached";

export interface StageResult {
  stage: StageName;
  status: StageStatus;
  reason: Reason | null;
  recommendation: string | null;
  assumptions: string[];
}

export function passed(stage: StageName, assumptions: string[] = []): StageResult {
  return { stage, status: "passed", reason: null, recommendation: null, assumptions };
}

export function notReached(stage: StageName): StageResult {
  return { stage, status: "not-reached", reason: null, recommendation: null, assumptions: [] };
}

/**
 * A stage that stops or fails for a catalogued reason. `about` names the record the recommendation is about
 * (`queue "Support"`), so the admin knows where to go.
 */
export function halted(stage: StageName, key: ReasonKey, assumptions: string[] = [], about?: string): StageResult {
  const base = recommendationOf(key);
  const recommendation = about ? `For ${about}: ${base.charAt(0).toLowerCase()}${base.slice(1)}` : base;
  return { stage, status: statusOf(key), reason: reasonOf(key), recommendation, assumptions };
}
