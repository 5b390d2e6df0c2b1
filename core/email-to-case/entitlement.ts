/**
 * "Create a case if a valid entitlement exists for the customer" (seed 000 validation table): an active entitlement
 * for the customer; for a contact with a parent account, the parent account's entitlement counts when the contact is
 * listed in its Contacts section, or when that section is empty (it applies to all the customer's contacts).
 */
import type { ContactRecord, Records } from "./scenario";

export type EntitledCustomer = { type: "contact"; record: ContactRecord } | { type: "account"; id: string };

export function hasValidEntitlement(customer: EntitledCustomer, records: Records): boolean {
  const active = records.entitlements.filter((e) => e.active);
  if (customer.type === "account") return active.some((e) => e.customerId === customer.id);
  const contact = customer.record;
  // Assumption (silent in the seed): an entitlement whose customer is the contact itself is valid too.
  if (active.some((e) => e.customerId === contact.id)) return true;
  const parent = contact.parentAccountId;
  return (
    parent !== null &&
    active.some((e) => e.customerId === parent && (e.contactIds.length === 0 || e.contactIds.includes(contact.id)))
  );
}
