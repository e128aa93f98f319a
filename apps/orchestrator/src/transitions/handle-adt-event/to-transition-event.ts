import type { AdtEventV1 } from '@ct/contracts';
import type { TransitionEvent } from '@ct/workflows/care-transition.messages';

/** What a workflow needs of an ADT event: ids and codes; names and birth dates stay out of Temporal. */
export function toTransitionEvent(event: AdtEventV1): TransitionEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    occurredAt: event.occurredAt,
    patientKey: event.patient.key,
    visitNumber: event.visit?.number,
    dischargeAt: event.visit?.dischargeAt,
    admitAt: event.visit?.admitAt,
    dischargeDisposition: event.visit?.dischargeDisposition,
    patientClass: event.visit?.patientClass,
    hospitalService: event.visit?.hospitalService,
    diagnoses: event.diagnoses.map((d) => d.code).filter(Boolean),
  };
}
