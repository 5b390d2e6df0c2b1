/**
 * Dataverse choice values the email-to-case rules read (research domain.md §1, §3, §6).
 */

/** queue / usersettings `incomingemailfilteringmethod` ("Convert Incoming Email To Activities" / Track). */
export const FILTERING_METHOD_LABELS = {
  0: "All email messages",
  1: "Email messages in response to Dynamics 365 email",
  2: "Email messages from Dynamics 365 Leads, Contacts and Accounts",
  3: "Email messages from Dynamics 365 records that are email enabled",
  4: "No email messages",
} as const;
export type FilteringMethod = keyof typeof FILTERING_METHOD_LABELS;

/** mailbox `incomingemaildeliverymethod`. */
export const DELIVERY_METHOD_LABELS = {
  0: "None",
  1: "Microsoft Dynamics 365 for Outlook",
  2: "Server-Side Synchronization or Email Router",
  3: "Forward Mailbox",
} as const;
export type DeliveryMethod = keyof typeof DELIVERY_METHOD_LABELS;
export const SERVER_SIDE_SYNC: DeliveryMethod = 2;

/** mailbox `incomingemailstatus`. */
export const INCOMING_EMAIL_STATUS_LABELS = { 0: "Not Run", 1: "Success", 2: "Failure" } as const;
export type IncomingEmailStatus = keyof typeof INCOMING_EMAIL_STATUS_LABELS;

/** convertrule `senderresolutionoption` (G-DK metadata): 0 create a contact, 1 map in Power Automate. */
export const SENDER_RESOLUTION_VALUES = { createContact: 0, powerAutomate: 1 } as const;

/**
 * Activity monitor `reason` labels, verbatim (MicrosoftDocs/dynamics-365-customer-engagement
 * `ce/developer/reference/entities/activitymonitor.md`, research domain.md §6). Codes 0, 8 and 12 have no label.
 */
export const ACTIVITY_MONITOR_REASONS: Readonly<Record<number, string>> = {
  1: "Unable to find the source data for this email.",
  2: "An existing entity is already connected with this record.",
  3: "An active case is already connected with this record.",
  4: "A resolved case is already connected with this record.",
  5: "The rule requires a connected case to be resolved for a specific amount of time before creating a new one. This connected case has been resolved for less than the amount of time selected.",
  6: "No email sender is found.",
  7: "Email is coming from an unknown sender.",
  9: "A contact was not created for this sender. This can be that the rule owner doesn't have permission to create contacts.",
  10: "No valid entitlement for this email sender. The rule continued with any additional action selected, but skipped the primary action for this email sender.",
  11: "No valid entitlement for this email sender.",
  13: "The rule doesn’t have any conditions applicable to the record.",
  14: "The rule is disconnected from the Power Automate flow. To reconnect, please deactivate and reactivate the rule.",
  15: "The rule is disconnected from the workflow. To reconnect, please deactivate and reactivate the rule.",
  16: "Contact creation failed for this sender",
  17: "Error matching conditions. Contact Microsoft support.",
  18: "Internal failure contact Microsoft support",
  19: "Incorrect workflow trigger type",
};
