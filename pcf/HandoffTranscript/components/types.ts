import type { ITheme } from "@fluentui/react";
import type { MessageOrder } from "../ManifestConstants";
import type { EarlierHandoffRow } from "../model/earlier-handoffs";
import type { UserClock } from "../model/time";
import type { StringKey } from "../strings/defaults";

/** Everything the view needs, mapped from the PCF context by index.ts (and by tests and harnesses directly). */
export interface HandoffTranscriptProps {
  /** The bound Description column's text (plain or rich-text HTML), or null when empty. */
  description: string | null;
  /** Field security: false when the user may not read the column (the value is masked). */
  readable: boolean;
  disabled: boolean;
  /** From e2c_classification / e2c_sentiment when the form has them; they win over the transcript header. */
  classification: string | null;
  sentimentValue: number | null;
  order: MessageOrder;
  width?: number;
  height?: number;
  isRTL: boolean;
  isPhone: boolean;
  theme?: ITheme;
  strings: (key: StringKey) => string;
  clock: UserClock;
  /** Reads the note "Handoff transcript" of this case; null when there is none. */
  loadFullTranscript?: () => Promise<string | null>;
  copyText: (text: string) => Promise<void>;
  /**
   * The customer's other cases that came from a handoff, newest first (one Web API request); absent when the
   * control does not know the customer. `key` names what is read, so the view reads it again only when it changes.
   */
  earlierHandoffs?: { key: string; load: () => Promise<EarlierHandoffRow[]> };
  /** Opens a case on its form (context.navigation.openForm). */
  openCase?: (caseId: string) => void;
}

export function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => String(values[Number(i)] ?? whole));
}
