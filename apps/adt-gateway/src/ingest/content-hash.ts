import { createHash } from 'node:crypto';

/**
 * What makes two copies of a message "the same": the text with line endings made alike and, for
 * HL7, MSH-7 (the time the message was built) left out, since engines that rebuild a message for
 * a resend give it a new one. Anything else that differs makes it a different message.
 */
export function contentHash(raw: string): string {
  let text = raw.replace(/\r\n|\n/g, '\r').replace(/\r+$/, '');
  if (text.startsWith('MSH') && text.length > 3) {
    const separator = text[3];
    const end = text.indexOf('\r');
    const msh = (end === -1 ? text : text.slice(0, end)).split(separator);
    if (msh.length > 6) msh[6] = '';
    text = msh.join(separator) + (end === -1 ? '' : text.slice(end));
  }
  return createHash('sha256').update(text).digest('hex');
}
