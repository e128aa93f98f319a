/** How a coordinator reached out to the patient. */
export const OUTREACH_CHANNELS = ['phone', 'video', 'in-person', 'portal', 'letter'] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

/** What came of it; only `reached` is an interactive contact. */
export const OUTREACH_OUTCOMES = [
  'reached',
  'no-answer',
  'left-message',
  'wrong-number',
  'declined',
] as const;
export type OutreachOutcome = (typeof OUTREACH_OUTCOMES)[number];

/** How an outreach step was met: an interactive contact, or enough documented unsuccessful attempts. */
export type OutreachMetBy = 'contact' | 'attempts';

/** A step's outreach rule, from its definition (`attempts` on the step). */
export interface OutreachRule {
  /** Unsuccessful attempts within the step's window that meet it (CMS TCM: 2). */
  unsuccessfulToMeet: number;
}

export interface OutreachAttemptFact {
  outcome: OutreachOutcome;
  contactedAt: string;
}

/** From the discharge to the step's deadline, both ends included. */
export interface OutreachWindow {
  from: string;
  until: string;
}

export interface OutreachMet {
  metBy: OutreachMetBy;
  /** When it was met: the contact's time, or the time of the attempt that made the count. */
  at: string;
  /** Whether that happened within the window (a contact after it still completes the step, late). */
  inWindow: boolean;
}

const ms = (iso: string) => new Date(iso).getTime();

export function inOutreachWindow(contactedAt: string, window: OutreachWindow): boolean {
  const t = ms(contactedAt);
  return t >= ms(window.from) && t <= ms(window.until);
}

/**
 * Whether these attempts meet the step: a contact (`reached`) does at any time (after the window
 * the step is late, and its breach is already on record); unsuccessful attempts count only within
 * the window, and the `unsuccessfulToMeet`-th of them in time order meets it.
 */
export function outreachMet(
  rule: OutreachRule,
  attempts: readonly OutreachAttemptFact[],
  window: OutreachWindow,
): OutreachMet | undefined {
  const byTime = [...attempts].sort((a, b) => ms(a.contactedAt) - ms(b.contactedAt));
  const contacts = byTime.filter((a) => a.outcome === 'reached');
  const inWindowContact = contacts.find((a) => inOutreachWindow(a.contactedAt, window));
  if (inWindowContact) return { metBy: 'contact', at: inWindowContact.contactedAt, inWindow: true };
  const unsuccessful = byTime.filter(
    (a) => a.outcome !== 'reached' && inOutreachWindow(a.contactedAt, window),
  );
  const counted = unsuccessful[rule.unsuccessfulToMeet - 1];
  if (counted) return { metBy: 'attempts', at: counted.contactedAt, inWindow: true };
  if (contacts[0]) return { metBy: 'contact', at: contacts[0].contactedAt, inWindow: false };
  return undefined;
}
