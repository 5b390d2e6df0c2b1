/**
 * Stage 3, queue item: the tracked email lands as an active queue item in each recipient queue, and a record
 * creation rule deactivates the item when it processes it (seed 000 step 2).
 */
import { describeReceiver, mailboxOf, type Receiver } from "../recipients";
import type { Queue } from "../scenario";
import { halted, passed, type StageResult } from "../stage-result";
import { mailboxProblem } from "./mailbox-sync";

export interface QueueItemOutcome {
  result: StageResult;
  queues: Queue[];
}

const BCC_ASSUMPTION =
  "Microsoft's documents conflict on Bcc: 'Automatically create or update records' says a queue item is created for a queue in Bcc, 'Incoming email isn't converted to a case' (cause 6) says email sent to a queue in Bcc isn't processed; the toolkit follows the latter.";
const RECIPIENT_ASSUMPTION =
  "A queue item is created in every queue recipient whose mailbox synchronizes the email, whichever recipient's filtering method accepted it.";

/** `tracked`: the mailboxes that accepted the email; a queue among the recipients may not be one of them. */
export function checkQueueItems(receivers: Receiver[], tracked: Receiver[]): QueueItemOutcome {
  const queueReceivers = receivers.filter((r) => r.kind === "queue");
  const inQueue = queueReceivers.filter((r) => r.as !== "bcc" && mailboxProblem(mailboxOf(r)) === null);
  if (inQueue.length > 0) {
    const trackedByOthers = inQueue.some((q) => !tracked.some((t) => t.record === q.record));
    return {
      result: passed("queue-item", trackedByOthers ? [RECIPIENT_ASSUMPTION] : []),
      queues: inQueue.map((r) => r.record as Queue),
    };
  }
  const named = queueReceivers.find((r) => r.as !== "bcc");
  if (named) {
    // A queue is a recipient, but its own mailbox does not synchronize: the email was tracked by someone else.
    const problem = mailboxProblem(mailboxOf(named)) ?? "mailbox-not-syncing";
    return {
      result: halted("queue-item", problem, [RECIPIENT_ASSUMPTION], `the mailbox of ${describeReceiver(named)}`),
      queues: [],
    };
  }
  if (queueReceivers.some((r) => r.as === "bcc")) {
    return { result: halted("queue-item", "bcc-only/queue", [BCC_ASSUMPTION]), queues: [] };
  }
  return { result: halted("queue-item", "no-queue-recipient"), queues: [] };
}
