import type { AdtMessage } from './adt.types';
import { Hl7ParseError } from './errors';
import { readHeader, requireSegment } from './header';
import type { Hl7Message } from './message';
import {
  readDiagnosis,
  readEvent,
  readMerge,
  readPatient,
  readPrimaryCareProvider,
  readVisit,
} from './patient';
import { readProvider, readReferral } from './referral';
import { assertSupported } from './version';

/**
 * Typed content of an ADT or REF message (v2.3-2.8). Requires MSH-9, MSH-10, MSH-12, a PID with
 * at least one PID-3 id, EVN for ADT and MRG for A40 (one merge per message). Throws
 * Hl7ParseError with the location.
 */
export function extractAdt(msg: Hl7Message): AdtMessage {
  const header = readHeader(msg);
  assertSupported(header);
  const isAdt = header.messageCode === 'ADT';
  const evn = isAdt ? requireSegment(msg, 'EVN') : msg.segment('EVN');
  const pv1 = msg.segment('PV1');
  const mrg = header.triggerEvent === 'A40' ? requireSegment(msg, 'MRG') : msg.segment('MRG');
  const merges = msg.segments('MRG').length;
  if (merges > 1) {
    // one merge per message: a second PID/MRG group would otherwise be dropped without a word
    throw new Hl7ParseError(
      'BAD_SEGMENT',
      `${merges} PID/MRG groups in one message; send each merge as its own ${header.triggerEvent || 'A40'}`,
      { segment: 'MRG', sequence: 2 },
    );
  }
  const rf1 = msg.segment('RF1');
  return {
    header,
    event: evn && readEvent(evn),
    patient: readPatient(requireSegment(msg, 'PID')),
    visit: pv1 && readVisit(pv1),
    diagnoses: msg.segments('DG1').map(readDiagnosis),
    merge: mrg && readMerge(mrg),
    referral: rf1 && readReferral(rf1),
    providers: msg.segments('PRD').map(readProvider),
    primaryCareProvider: readPrimaryCareProvider(msg.segment('PD1'), msg.segments('ROL')),
  };
}
