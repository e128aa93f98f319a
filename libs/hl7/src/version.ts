import { Hl7ParseError } from './errors';
import type { Hl7Header } from './header';

const VERSION = /^2\.[345678](?:\.\d{1,2})?$/;

/** Events this system acts on, by message code (MSH-9.1). */
export const SUPPORTED_EVENTS: Readonly<Record<string, readonly string[]>> = {
  ADT: ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A11', 'A12', 'A13', 'A40'],
  REF: ['I12', 'I13', 'I14'],
};

/** True for v2.3 through v2.8.x. */
export function isSupportedVersion(version: string): boolean {
  return VERSION.test(version);
}

/** Throws UNSUPPORTED_VERSION / _MESSAGE_TYPE / _EVENT with the MSH location. */
export function assertSupported(header: Hl7Header): void {
  const at = { segment: 'MSH', sequence: 1 };
  if (!isSupportedVersion(header.version)) {
    throw new Hl7ParseError(
      'UNSUPPORTED_VERSION',
      `HL7 version ${header.version} is not supported (2.3-2.8)`,
      {
        ...at,
        field: 12,
        component: 1,
      },
    );
  }
  const events = SUPPORTED_EVENTS[header.messageCode];
  if (!events) {
    throw new Hl7ParseError(
      'UNSUPPORTED_MESSAGE_TYPE',
      `Message type ${header.messageCode} is not supported`,
      {
        ...at,
        field: 9,
        component: 1,
      },
    );
  }
  if (!events.includes(header.triggerEvent)) {
    throw new Hl7ParseError(
      'UNSUPPORTED_EVENT',
      `Event ${header.messageCode}^${header.triggerEvent} is not supported`,
      { ...at, field: 9, component: 2 },
    );
  }
}

/** True when `version` (2.3, 2.5.1 ...) is `min` or later; 2.3.0 counts as 2.3. */
export function isVersionAtLeast(version: string, min: string): boolean {
  const have = version.split('.').map((n) => parseInt(n, 10) || 0);
  const want = min.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(have.length, want.length); i++) {
    const a = have[i] ?? 0;
    const b = want[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}
