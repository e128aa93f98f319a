import { adtMessage } from '@ct/hl7/testing';

/** mulberry32: a small seeded PRNG, so a corpus is the same for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MUTATIONS = [
  'truncate',
  'byte-flip',
  'nul',
  'escape',
  'delimiter-swap',
  'huge-field',
  'bad-version',
  'bad-timestamp',
  'latin1',
  'utf16',
  'drop-segment',
  'none',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export interface FuzzFrame {
  mutation: Mutation;
  /** The payload inside the MLLP frame (no framing bytes: 0x0B and 0x1C never occur in it). */
  payload: Buffer;
}

export interface Corpus {
  frames: FuzzFrame[];
  /** Every MRN and family name the corpus carries: none may show in any log line. */
  phi: string[];
}

const TRIGGERS = ['A01', 'A03', 'A03', 'A08', 'A13', 'A40'];
const ESCAPES = ['\\X00\\', '\\X0D\\', '\\X1C\\', '\\E\\', '\\Zq\\', '\\', '\\H\\', '\\X\\', '\\.br\\'];

/** `count` mutated ADT frames built from the seed; facility keeps runs apart on shared servers. */
export function fuzzCorpus(seed: number, count: number, facility: string): Corpus {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const phi: string[] = [];
  const frames: FuzzFrame[] = [];
  for (let n = 0; n < count; n += 1) {
    const mrn = `FZ${seed}M${n}`;
    const family = `FUZZFAM${seed}X${n}`;
    phi.push(mrn, family);
    const trigger = pick(TRIGGERS);
    const text = adtMessage({
      trigger,
      controlId: `FZ${seed}-${n}`,
      sendingFacility: facility,
      patient: {
        identifiers: [{ id: mrn, assigningAuthority: facility, typeCode: 'MR' }],
        name: { family, given: 'PAT' },
      },
      visit: { visitNumber: { id: `FZV${n}` }, location: { facility }, dischargeDisposition: '01' },
      merge:
        trigger === 'A40'
          ? { priorIdentifiers: [{ id: `${mrn}P`, assigningAuthority: facility }] }
          : undefined,
    });
    const mutation = MUTATIONS[n % MUTATIONS.length];
    frames.push({ mutation, payload: withoutFraming(mutate(text, mutation, int, pick)) });
  }
  return { frames, phi };
}

function mutate(
  text: string,
  mutation: Mutation,
  int: (n: number) => number,
  pick: <T>(items: readonly T[]) => T,
): Buffer {
  const at = int(text.length);
  switch (mutation) {
    case 'truncate':
      return Buffer.from(text.slice(0, at));
    case 'byte-flip': {
      const bytes = Buffer.from(text);
      for (let i = 0, flips = 1 + int(8); i < flips; i += 1) bytes[int(bytes.length)] = int(256);
      return bytes;
    }
    case 'nul':
      return Buffer.from(text.slice(0, at) + '\u0000' + text.slice(at));
    case 'escape':
      return Buffer.from(text.slice(0, at) + pick(ESCAPES) + text.slice(at));
    case 'delimiter-swap': {
      const swaps: [string, string][] = [
        ['|', '^'],
        ['^', '~'],
        ['\r', '\n'],
        ['|', '\r'],
        ['&', '|'],
      ];
      const [from, to] = pick(swaps);
      return Buffer.from(text.split(from).join(to));
    }
    case 'huge-field': {
      const fields = text.split('|');
      fields[1 + int(fields.length - 1)] = 'Z'.repeat(1_000 + int(200_000));
      return Buffer.from(fields.join('|'));
    }
    case 'bad-version':
      return Buffer.from(
        text.replace('|2.5.1', `|${pick(['9.9', '', '2', '2.3.1.5', 'v2.5', '2.5.1^x', '3.0'])}`),
      );
    case 'bad-timestamp':
      return Buffer.from(
        text.replace(
          /\|2026\d{10}/,
          `|${pick(['20261399250000', 'yesterday', '2026', '20261113141500+2500', '99999999999999999999'])}`,
        ),
      );
    case 'latin1':
      return Buffer.from(text.replace('PAT', 'PÂTÉ'), 'latin1');
    case 'utf16':
      return Buffer.from(text, 'utf16le');
    case 'drop-segment': {
      const segments = text.split('\r').filter(Boolean);
      segments.splice(int(segments.length), 1);
      return Buffer.from(segments.join('\r') + '\r');
    }
    case 'none':
      return Buffer.from(text);
  }
}

// framing bytes inside a payload would make two frames or none: the MLLP tests cover framing noise
function withoutFraming(payload: Buffer): Buffer {
  for (let i = 0; i < payload.length; i += 1)
    if (payload[i] === 0x0b || payload[i] === 0x1c) payload[i] = 0x3f;
  return payload;
}

/** 0x0B payload 0x1C 0x0D */
export function frameOf(payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x0b]), payload, Buffer.from([0x1c, 0x0d])]);
}
