/**
 * The Microsoft documents the toolkit's rules come from, by title and learn.microsoft.com address: every citation an
 * admin reads (CLI text and `--json`, the health page, the outcome table) is one of these, never a research key.
 * The keys in comments elsewhere in core/ map to them as noted beside each entry (research/domain.md gives the
 * documents' repository paths; the address is the path's published form).
 */

/** A Microsoft document as an admin sees it cited: its title and its address. */
export interface MicrosoftDocument {
  readonly title: string;
  readonly url: string;
}

export const MICROSOFT_DOCS = {
  /** seed 000; CE repo `ce/customer-service/troubleshoot-case-email-issue.md`. */
  emailToCaseTroubleshooting: {
    title: "Troubleshoot an issue faced when converting an email to a case",
    url: "https://learn.microsoft.com/dynamics365/customer-service/troubleshoot-case-email-issue",
  },
  /** seed 001 (S-SSS); SupportArticles-docs `support/power-platform/dataverse/email-exchange-synchronization/…`. */
  emailsNotTracked: {
    title: "Emails aren't automatically tracked or synchronized",
    url: "https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/emails-not-automatically-tracked-or-synchronized",
  },
  /** seed 002; SupportArticles-docs, same folder. */
  noCorrelationMatch: {
    title: "Email fails to create with a NoCorrelationMatch sync error",
    url: "https://learn.microsoft.com/troubleshoot/power-platform/dataverse/email-exchange-synchronization/email-fails-to-create-with-nocorrelationmatch-error",
  },
  /** S-NC; SupportArticles-docs `support/dynamics-365/customer-service/email/incoming-email-not-converted-case.md`. */
  emailNotConverted: {
    title: "Incoming email isn't converted to a case",
    url: "https://learn.microsoft.com/troubleshoot/dynamics-365/customer-service/email/incoming-email-not-converted-case",
  },
  /** S-TS; SupportArticles-docs `support/dynamics-365/customer-service/email/common-email-error-messages.md`. */
  ruleConfigurationIssues: {
    title: "Troubleshoot common configuration issues with automatic record creation and update rules",
    url: "https://learn.microsoft.com/troubleshoot/dynamics-365/customer-service/email/common-email-error-messages",
  },
  /** S-ARC; CE repo `ce/customer-service/administer/automatically-create-update-records.md`. */
  recordCreationRules: {
    title: "Automatically create or update records in Dynamics 365 Customer Service",
    url: "https://learn.microsoft.com/dynamics365/customer-service/administer/automatically-create-update-records",
  },
  /** S-LEG; CE repo `ce/customer-service/administer/automatically-create-case-from-email.md`. */
  legacyCaseCreationRules: {
    title: "Automatically create a case from an email in web client",
    url: "https://learn.microsoft.com/dynamics365/customer-service/administer/automatically-create-case-from-email",
  },
  /** S-FAQ; CE repo `ce/customer-service/administer/arc-faqs.md`. */
  recordCreationFaq: {
    title: "FAQ about automatic record creation",
    url: "https://learn.microsoft.com/dynamics365/customer-service/administer/arc-faqs",
  },
  /** S-MON; CE repo `ce/customer-service/administer/manage-activity-arc.md`: the Activity monitor's reasons. */
  activityMonitor: {
    title: "Use activity monitor to review and track rules",
    url: "https://learn.microsoft.com/dynamics365/customer-service/administer/manage-activity-arc",
  },
} as const satisfies Record<string, MicrosoftDocument>;

export type MicrosoftDocumentKey = keyof typeof MICROSOFT_DOCS;

/** One line for text output: `Title <url>`. */
export function citation(doc: MicrosoftDocument): string {
  return `${doc.title} <${doc.url}>`;
}
