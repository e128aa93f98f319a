import type { AdtEventType } from '@ct/contracts';

/** Da Vinci notification events and the HL7 v2 trigger each stands for. */
export const NOTIFICATION_EVENTS: Record<string, { type: AdtEventType; trigger: string }> = {
  'notification-admit': { type: 'patient.admitted', trigger: 'A01' },
  'notification-transfer': { type: 'patient.transferred', trigger: 'A02' },
  'notification-discharge': { type: 'patient.discharged', trigger: 'A03' },
};

/** v3 ActCode encounter classes as HL7 v2 PV1-2 patient classes (table 0004), which pathways match on. */
export const PATIENT_CLASSES: Record<string, string> = {
  IMP: 'I',
  ACUTE: 'I',
  NONAC: 'I',
  EMER: 'E',
  AMB: 'O',
  OBSENC: 'O',
  SS: 'O',
  HH: 'O',
  VR: 'O',
  FLD: 'O',
  PRENC: 'P',
};

/** Discharge dispositions coded this way are already UB-04 / PV1-36 codes. */
const NUBC_SYSTEM = 'https://www.nubc.org/CodeSystem/PatDischargeStatus';

/**
 * http://terminology.hl7.org/CodeSystem/discharge-disposition → PV1-36 where one code clearly
 * fits; hosp (hospice: home 50 or facility 51), long, other-hcf and oth stay as sent.
 */
export const DISCHARGE_DISPOSITIONS: Record<string, string> = {
  home: '01',
  'alt-home': '01',
  snf: '03',
  aadvice: '07',
  exp: '20',
  rehab: '62',
  psy: '65',
};

export function dispositionOf(codings: { system?: string; code?: string }[] = []): string | undefined {
  const nubc = codings.find((c) => c.code && (c.system === NUBC_SYSTEM || /^\d\d$/.test(c.code)));
  if (nubc) return nubc.code;
  const code = codings.find((c) => c.code)?.code;
  return code ? (DISCHARGE_DISPOSITIONS[code] ?? code) : undefined;
}

/** AdministrativeGender as PID-8 (table 0001). */
export const SEXES: Record<string, string> = { male: 'M', female: 'F', other: 'O', unknown: 'U' };

/** Code systems as the short names DG1-3.3 uses, so diagnosis rules read both feeds alike. */
export const CODING_SYSTEMS: Record<string, string> = {
  'http://hl7.org/fhir/sid/icd-10-cm': 'I10',
  'http://hl7.org/fhir/sid/icd-10': 'I10',
  'http://snomed.info/sct': 'SCT',
};
