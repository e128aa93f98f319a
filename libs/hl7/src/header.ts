import { Hl7ParseError } from './errors';
import type { Hl7Message } from './message';
import type { Hl7Segment } from './segment';

/** MSH as the rest of the system needs it. HD fields (MSH-3..6) hold their namespace id (HD.1). */
export interface Hl7Header {
  sendingApplication: string;
  sendingFacility: string;
  receivingApplication: string;
  receivingFacility: string;
  /** MSH-7 as sent (DTM); '' when absent. Convert with parseHl7Timestamp. */
  messageTime: string;
  messageCode: string;
  triggerEvent: string;
  messageStructure?: string;
  controlId: string;
  /** MSH-11.1, e.g. P, T, D; '' when absent. */
  processingId: string;
  /** MSH-12.1, e.g. 2.5.1. */
  version: string;
  acceptAckType?: string;
  applicationAckType?: string;
}

/** Throws MISSING_FIELD with the field's location when a required value is empty. */
export function required(
  seg: Hl7Segment,
  field: number,
  component = 0,
  subcomponent = 0,
  repetition = 1,
): string {
  const value = seg.get(field, component, subcomponent, repetition);
  if (value !== undefined) return value;
  const at = `${seg.name}-${field}${component ? `.${component}` : ''}`;
  throw new Hl7ParseError('MISSING_FIELD', `Required field ${at} is missing`, {
    segment: seg.name,
    sequence: seg.sequence,
    field,
    repetition: repetition > 1 ? repetition : undefined,
    component: component || undefined,
  });
}

/** The first segment with this name, or MISSING_SEGMENT. */
export function requireSegment(msg: Hl7Message, name: string): Hl7Segment {
  const seg = msg.segment(name);
  if (seg) return seg;
  throw new Hl7ParseError('MISSING_SEGMENT', `Required segment ${name} is missing`, { segment: name });
}

/** Reads MSH; MSH-9.1, MSH-9.2, MSH-10 and MSH-12 are required. Throws Hl7ParseError. */
export function readHeader(msg: Hl7Message): Hl7Header {
  const msh = requireSegment(msg, 'MSH');
  return {
    sendingApplication: msh.get(3, 1) ?? '',
    sendingFacility: msh.get(4, 1) ?? '',
    receivingApplication: msh.get(5, 1) ?? '',
    receivingFacility: msh.get(6, 1) ?? '',
    messageTime: msh.get(7, 1) ?? '',
    messageCode: required(msh, 9, 1),
    triggerEvent: required(msh, 9, 2),
    messageStructure: msh.get(9, 3),
    controlId: required(msh, 10),
    processingId: msh.get(11, 1) ?? '',
    version: required(msh, 12, 1),
    acceptAckType: msh.get(15),
    applicationAckType: msh.get(16),
  };
}
