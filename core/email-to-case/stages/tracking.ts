/**
 * Stage 2, tracking decision (seeds 001 and 002): a resolved To/Cc recipient must accept the email under its
 * incoming email filtering method; Bcc and distribution-group deliveries are accepted only by "All email messages";
 * then the email activity is created as the mailbox owner, where privileges and plug-ins can fail it.
 */
import { FILTERING_METHOD_LABELS, type FilteringMethod } from "../codes";
import { describeReceiver, isResolved, mailboxOf, type Receiver } from "../recipients";
import type { Scenario } from "../scenario";
import { isLeadContactOrAccount, resolveSender } from "../sender";
import { halted, passed, type StageResult } from "../stage-result";

/**
 * Docs conflict: the usersettings form default is 2, while the NoCorrelationMatch KB (seed 002) and the filtering
 * doc call "Email messages in response to Dynamics 365 email" the default. We take the documented default, 1.
 */
export const DEFAULT_USER_FILTERING_METHOD: FilteringMethod = 1;

/**
 * Each method also accepts what the ones before it accept (PRODUCT.md §5.1): 1 replies to tracked email;
 * 2 also email from leads, contacts and accounts; 3 also email from any email-enabled record; 0 all; 4 none.
 */
export function acceptsUnderMethod(method: FilteringMethod, scenario: Scenario): boolean {
  if (method === 0) return true;
  if (method === 4) return false;
  const { email } = scenario;
  if (email.inReplyToTrackedEmail) return true;
  if (method === 1) return false;
  const sender = resolveSender(email.from, scenario.records, scenario);
  if (method === 2) return isLeadContactOrAccount(sender);
  return sender.kind !== "unknown" && sender.kind !== "none";
}

export function filteringMethodOf(r: Receiver): { method: FilteringMethod; defaulted: boolean } {
  if (r.kind === "queue") return { method: r.record.incomingEmailFilteringMethod, defaulted: false };
  const set = r.record.incomingEmailFilteringMethod;
  return set === undefined
    ? { method: DEFAULT_USER_FILTERING_METHOD, defaulted: true }
    : { method: set, defaulted: false };
}

export interface TrackingOutcome {
  result: StageResult;
  /** The mailboxes that accepted and tracked the email. */
  tracked: Receiver[];
}

export function checkTracking(scenario: Scenario, syncing: Receiver[]): TrackingOutcome {
  const assumptions: string[] = [];
  for (const r of syncing) {
    if (filteringMethodOf(r).defaulted) {
      assumptions.push(
        `${describeReceiver(r)} has no incomingEmailFilteringMethod: taken as 1 "${FILTERING_METHOD_LABELS[1]}", the default the NoCorrelationMatch article describes (the usersettings form default is 2).`,
      );
    }
  }
  if (!scenario.organization.emailCorrelationEnabled) {
    assumptions.push(
      "Correlation is off: NoCorrelationMatch 'can also occur' then, as the NoCorrelationMatch article says; the toolkit treats every email as not tracked.",
    );
    return { result: halted("tracking", "no-correlation-match/correlation-disabled", assumptions), tracked: [] };
  }

  const accepting = syncing.filter((r) => {
    const { method } = filteringMethodOf(r);
    return isResolved(r) ? acceptsUnderMethod(method, scenario) : method === 0;
  });
  if (accepting.length === 0) {
    const unresolved = syncing.filter((r) => !isResolved(r));
    if (unresolved.length === syncing.length) {
      const key = unresolved.some((r) => r.as === "distribution-group") ? "via-distribution-group" : "bcc-only";
      return { result: halted("tracking", key, assumptions), tracked: [] };
    }
    return { result: halted("tracking", "no-correlation-match", assumptions), tracked: [] };
  }

  // The activity is created as the mailbox owner: no licence or privilege means PrivilegeDenied (seed 001 cause 3).
  const permitted = accepting.filter((r) => mailboxOf(r).ownerHasSyncPrivileges);
  const failure = scenario.email.processingFailure;
  if (permitted.length === 0 || failure === "privilege") {
    const about = permitted.length === 0 ? `the owner of ${describeReceiver(accepting[0] as Receiver)}` : undefined;
    return { result: halted("tracking", "privilege-denied", assumptions, about), tracked: [] };
  }
  if (failure === "plugin") return { result: halted("tracking", "isv-aborted", assumptions), tracked: [] };
  return { result: passed("tracking", assumptions), tracked: permitted };
}
