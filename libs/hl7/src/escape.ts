import type { Hl7Delimiters } from './delimiters';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeHex(hex: string): string | undefined {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
  const bytes = Buffer.from(hex, 'hex');
  try {
    return utf8.decode(bytes);
  } catch {
    // Not UTF-8: most HL7 senders that hex-escape high bytes use ISO-8859-1.
    return bytes.toString('latin1');
  }
}

function decodeSequence(code: string, d: Hl7Delimiters): string | undefined {
  if (code.length === 1) {
    switch (code) {
      case 'F':
        return d.field;
      case 'S':
        return d.component;
      case 'T':
        return d.subcomponent;
      case 'R':
        return d.repetition;
      case 'E':
        return d.escape;
      case 'P':
        return d.truncation;
      default:
        return undefined;
    }
  }
  return code.charAt(0) === 'X' ? decodeHex(code.slice(1)) : undefined;
}

/** Resolves \F\ \S\ \T\ \R\ \E\ \P\ and \Xhh..\; unknown sequences are kept literally. */
export function unescapeHl7(text: string, d: Hl7Delimiters): string {
  const esc = d.escape;
  let open = text.indexOf(esc);
  if (open === -1) return text;
  let out = '';
  let last = 0;
  while (open !== -1) {
    const close = text.indexOf(esc, open + 1);
    if (close === -1) break;
    const decoded = decodeSequence(text.slice(open + 1, close), d);
    if (decoded !== undefined) {
      out += text.slice(last, open) + decoded;
      last = close + 1;
    }
    open = text.indexOf(esc, close + 1);
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Escapes delimiters and line breaks so `text` can sit inside one (sub)component. */
export function escapeHl7(text: string, d: Hl7Delimiters): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    let rep: string | undefined;
    if (ch === d.escape) rep = 'E';
    else if (ch === d.field) rep = 'F';
    else if (ch === d.component) rep = 'S';
    else if (ch === d.repetition) rep = 'R';
    else if (ch === d.subcomponent) rep = 'T';
    else if (ch === d.truncation) rep = 'P';
    else if (ch === '\r') rep = 'X0D';
    else if (ch === '\n') rep = 'X0A';
    if (rep !== undefined) {
      out += text.slice(last, i) + d.escape + rep + d.escape;
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * `text`, or its longest start of whole characters (surrogate pairs kept) ending in "...", whose
 * escaped form has at most `max` characters: a cut never splits an escape sequence.
 */
export function fitEscaped(text: string, max: number, d: Hl7Delimiters): string {
  if (escapeHl7(text, d).length <= max) return text;
  let used = 3;
  let end = 0;
  for (const ch of text) {
    used += escapeHl7(ch, d).length;
    if (used > max) break;
    end += ch.length;
  }
  return `${text.slice(0, end)}...`;
}
