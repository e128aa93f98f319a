import type { Diagnosis, PatientIdentifier } from '../../libs/hl7/src';
import {
  adtMessage,
  refMessage,
  type AdtMessageOptions,
  type ExtraSegment,
} from '../../libs/hl7/src/testing';

// Deterministic PRNG (mulberry32) so every run and every parser sees the same corpus.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERSIONS = ['2.3', '2.3.1', '2.4', '2.5', '2.5.1', '2.6', '2.7', '2.8'];
const FAMILIES = ['DOE', "O'BRIEN", 'SMITH & SONS', 'GARCIA^LOPEZ', 'NGUYEN', 'MÜLLER', 'DE LA CRUZ', 'ROE'];
const GIVEN = ['JANE', 'RICHARD', 'ANA MARIA', 'LI', 'JOSÉ', 'KIM'];
const DIAGNOSES: Diagnosis[] = [
  { code: 'I50.9', text: 'Heart failure, unspecified', codingSystem: 'I10', type: 'A' },
  { code: 'J44.1', text: 'COPD w/ exacerbation | acute', codingSystem: 'I10', type: 'W' },
  { code: 'N17.9', text: 'Acute kidney failure ~ unspecified', codingSystem: 'I10', type: 'F' },
  { code: 'E11.9', text: 'Type 2 diabetes \\ no complications', codingSystem: 'I10', type: 'F' },
];
const DISPOSITIONS = ['01', '06', '03', '20', '62'];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function stamp(rnd: () => number, day: number): string {
  const hh = String(Math.floor(rnd() * 24)).padStart(2, '0');
  const mm = String(Math.floor(rnd() * 60)).padStart(2, '0');
  const zone = rnd() < 0.3 ? '-0500' : '';
  return `202611${String(day).padStart(2, '0')}${hh}${mm}00${zone}`;
}

function extras(rnd: () => number): ExtraSegment[] {
  const out: ExtraSegment[] = [
    {
      name: 'NK1',
      fields: ['1', ['DOE', 'JOHN'], ['SPO', 'Spouse'], ['12 ELM ST', '', 'SPRINGFIELD', 'IL', '62701']],
    },
    {
      name: 'AL1',
      fields: ['1', 'DA', ['70618', 'Penicillin', 'RXNORM'], 'SV', { repeat: ['Hives', 'Rash'] }],
    },
  ];
  const obx = Math.floor(rnd() * 3);
  for (let i = 1; i <= obx; i++) {
    out.push({ name: 'OBX', fields: [String(i), 'TX', ['8480-6', 'BP', 'LN'], '', 'Line one\r\nLine two'] });
  }
  out.push({ name: 'ZPD', fields: ['Y', ['CARE&MGMT', 'Program ^ 2'], stamp(rnd, 1)] });
  return out;
}

function options(rnd: () => number, n: number): AdtMessageOptions {
  const ids: PatientIdentifier[] = [
    { id: `MRN${100000 + n}`, assigningAuthority: 'RIVERSIDE', typeCode: 'MR' },
  ];
  if (rnd() < 0.7) ids.push({ id: `${n % 900}-12-3456`, assigningAuthority: 'SSA', typeCode: 'SS' });
  if (rnd() < 0.3) ids.push({ id: `E${n}`, assigningAuthority: 'EMPI', typeCode: 'PI' });
  const admit = 1 + Math.floor(rnd() * 10);
  return {
    version: pick(rnd, VERSIONS),
    controlId: `MSG${String(n).padStart(8, '0')}`,
    messageTime: stamp(rnd, admit + 5),
    patient: { identifiers: ids, name: { family: pick(rnd, FAMILIES), given: pick(rnd, GIVEN) }, sex: 'F' },
    visit: {
      visitNumber: { id: `V${7000000 + n}`, assigningAuthority: 'RIVERSIDE' },
      admitAt: stamp(rnd, admit),
      dischargeAt: stamp(rnd, admit + 4),
      dischargeDisposition: pick(rnd, DISPOSITIONS),
    },
    diagnoses: DIAGNOSES.slice(0, Math.floor(rnd() * 5)).map((d, i) => ({ ...d, setId: i + 1 })),
    extraSegments: extras(rnd),
    acceptAckType: rnd() < 0.3 ? 'AL' : undefined,
  };
}

/** A few thousand varied A01/A03/A08/A40 and REF^I12 messages. */
export function buildCorpus(size = 3000, seed = 20261113): string[] {
  const rnd = random(seed);
  const corpus: string[] = [];
  for (let n = 0; n < size; n++) {
    const o = options(rnd, n);
    const kind = rnd();
    if (kind < 0.25) corpus.push(adtMessage({ ...o, trigger: 'A01', structure: 'ADT_A01' }));
    else if (kind < 0.55) corpus.push(adtMessage({ ...o, trigger: 'A03', structure: 'ADT_A03' }));
    else if (kind < 0.75) corpus.push(adtMessage({ ...o, trigger: 'A08', structure: 'ADT_A01' }));
    else if (kind < 0.85) {
      const prior = [{ id: `MRN${900000 + n}`, assigningAuthority: 'RIVERSIDE', typeCode: 'MR' }];
      corpus.push(
        adtMessage({ ...o, trigger: 'A40', structure: 'ADT_A39', merge: { priorIdentifiers: prior } }),
      );
    } else corpus.push(refMessage({ ...o, visit: { patientClass: 'O', visitNumber: { id: `V${n}` } } }));
  }
  return corpus;
}
