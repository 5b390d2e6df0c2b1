/**
 * The convertrule columns (logical names, research domain.md §1) mapped onto the toolkit's rule. No validation
 * library here: the rule form script bundles this, and its values are already typed by the form.
 */
import type { ArcRule, RuleItem } from "./scenario";

export interface ConvertRuleColumns {
  convertruleid?: string;
  name?: string | null;
  queueid?: string | null;
  _queueid_value?: string | null;
  /** 0 Draft, 1 Active. */
  statecode?: 0 | 1;
  allowunknownsender?: boolean | null;
  /** 0 create a contact automatically, 1 map in Power Automate. */
  senderresolutionoption?: 0 | 1 | null;
  checkactiveentitlement?: boolean | null;
  checkifresolved?: boolean | null;
  resolvedsince?: number | null;
  sendautomaticresponse?: boolean | null;
  responsetemplateid?: string | null;
  _responsetemplateid_value?: string | null;
}

export interface RuleOwner {
  enabled?: boolean;
  canCreateContacts?: boolean;
}

/** Columns left out take Dataverse's defaults (draft, every option off). */
export function ruleFromColumns(c: ConvertRuleColumns, items: RuleItem[] = [], owner: RuleOwner = {}): ArcRule {
  const rule: ArcRule = {
    id: c.convertruleid ?? "rule",
    queueId: c._queueid_value ?? c.queueid ?? null,
    state: c.statecode === 1 ? "active" : "draft",
    allowUnknownSender: c.allowunknownsender ?? false,
    senderResolution: c.senderresolutionoption === 1 ? "powerAutomate" : "createContact",
    checkActiveEntitlement: c.checkactiveentitlement ?? false,
    checkIfResolved: c.checkifresolved ?? false,
    resolvedSinceMinutes: c.resolvedsince ?? null,
    sendAutomaticResponse: c.sendautomaticresponse ?? false,
    responseTemplateId: c._responsetemplateid_value ?? c.responsetemplateid ?? null,
    ownerCanCreateContacts: owner.canCreateContacts ?? true,
    ownerEnabled: owner.enabled ?? true,
    items,
  };
  if (c.name) rule.name = c.name;
  return rule;
}
