import type { Gauge } from 'prom-client';

// a code, an id of a facility or pathway, a step key: short, no spaces; anything else is garbage
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.:|-]{0,63}$/;

/**
 * A label value that is a code (never a patient's or a message's id: choosing the field is the
 * caller's part), bounded here: empty → `none`, anything not code-like or too long → `other`, so
 * a sender's garbage cannot grow a series per message.
 */
export function codeLabel(value: string | null | undefined, pattern: RegExp = CODE): string {
  if (value === undefined || value === null || value === '') return 'none';
  return pattern.test(value) ? value : 'other';
}

/** Replaces every series of a scrape-time gauge with these rows (rows no longer there disappear). */
export function setGaugeRows<L extends string>(
  gauge: Gauge<L>,
  rows: ReadonlyArray<{ labels: Partial<Record<L, string>>; value: number }> | undefined,
): void {
  gauge.reset();
  for (const row of rows ?? []) gauge.set(row.labels, row.value);
}
