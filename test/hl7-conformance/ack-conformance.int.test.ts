// Our ACKs for every supported HL7 version, checked by HAPI (AckConformance.java) against that
// version's standard structures. Needs Java 17 and Maven, and no servers of its own.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildAck, errorFromParseError, Hl7ParseError, parseHl7, readHeader, type AckOutcome } from '@ct/hl7';
import { adtMessage } from '@ct/hl7/testing';

const VERSIONS = ['2.3', '2.3.0', '2.3.1', '2.4', '2.5', '2.5.1', '2.6', '2.7', '2.7.1', '2.8', '2.8.1'];
// HAPI has no structures for 2.3.0 (2.3 by another name) or 2.7.1 (a maintenance release of 2.7).
const hapiVersion = (v: string): string => ({ '2.3.0': '2.3', '2.7.1': '2.7' })[v] ?? v;

// Delimiters and line breaks near the cut, so cutting has to keep escape sequences whole.
const LONG_TEXT = `${'Rejected: '.repeat(7)}PID-3 ^ | & ~ \\ line\nbreak ${'more '.repeat(60)}`;
const missingPid = new Hl7ParseError('MISSING_FIELD', 'Required field PID-3.1 is missing', {
  segment: 'PID',
  sequence: 1,
  field: 3,
  component: 1,
});

const OUTCOMES: Record<string, AckOutcome> = {
  accept: { code: 'AA' },
  'accept with text': { code: 'CA', text: 'Accepted; PV1-45 ignored' },
  'parse error as the gateway sends it': {
    code: 'AE',
    text: missingPid.message,
    errors: [errorFromParseError(missingPid)],
  },
  'long texts and two errors': {
    code: 'AR',
    text: LONG_TEXT,
    errors: [
      { ...errorFromParseError(missingPid), userMessage: LONG_TEXT },
      {
        hl7ErrorCode: 102,
        severity: 'W',
        location: { segment: 'PV1', sequence: 1, field: 45, repetition: 2 },
      },
    ],
  },
};

// Hand-written ACKs the checker must refuse, so a pass above means something.
const MSH = 'MSH|^~\\&|CARETRANS|CARETRANS|EPICADT|RIVERSIDE|20261113191500.250+0000||';
const CONTROLS = {
  // as buildAck wrote v2.3 ACKs before it followed the version
  'old v2.3 ACK': {
    version: '2.3',
    ack:
      `${MSH}ACK^A03^ACK|MX7KY0RM3A0D952|P|2.3\rMSA|AE|MSG00001|bad\r` +
      'ERR|PID^1^3^101&Required field missing&HL70357|PID^1^3^1^1|101^Required field missing^HL70357|E||||PID-3 missing\r',
  },
  'MSA-3 over 80 characters in 2.5': {
    version: '2.5',
    ack: `${MSH}ACK^A03^ACK|MX7KY0RM3A0D952|P|2.5\rMSA|AE|MSG00001|${'x'.repeat(81)}\r`,
  },
  'MSA-3 in 2.7': { version: '2.7', ack: `${MSH}ACK^A03^ACK|MX7KY0RM3A0D952|P|2.7\rMSA|AE|MSG00001|bad\r` },
};

const cases: { name: string; version: string; ack: string }[] = [
  ...VERSIONS.flatMap((version) => {
    const header = readHeader(parseHl7(adtMessage({ version, controlId: 'MSG00001' })));
    return Object.entries(OUTCOMES).map(([what, outcome]) => ({
      name: `${version} ${what}`,
      version: hapiVersion(version),
      ack: buildAck(header, outcome),
    }));
  }),
  {
    name: 'unparseable input',
    version: '2.5.1',
    ack: buildAck(undefined, { code: 'AR', text: 'no MSH', errors: [errorFromParseError(missingPid)] }),
  },
  ...Object.entries(CONTROLS).map(([name, c]) => ({ name, ...c })),
];

let problems: Map<string, string[]>;

beforeAll(() => {
  const here = __dirname;
  // first run only: Maven fetches HAPI into ~/.cache/care-transitions (cached after)
  const libs = execFileSync('bash', [path.join(here, 'fetch-jars.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 600_000,
  }).trim();
  const input = cases.map((c) => `${c.version}\t${c.ack}\n`).join('');
  const output = execFileSync('java', ['-cp', `${libs}/*`, path.join(here, 'AckConformance.java')], {
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const lines = output.split('\n');
  problems = new Map(cases.map((c, i) => [c.name, lines[i] ? lines[i].split(' | ') : []]));
}, 720_000);

describe('ACKs checked by HAPI against the standard structure of their version', () => {
  const ours = cases.filter((c) => c.name !== 'unparseable input' && !(c.name in CONTROLS));

  it.each(ours.map((c) => [c.name]))('%s conforms', (name) => {
    expect(problems.get(name)).toEqual([]);
  });

  it('conforms for unparseable input except the empty MSA-2 (no control id to echo)', () => {
    expect(problems.get('unparseable input')).toEqual(['MSA-2 is required but empty']);
  });
});

describe('the checker', () => {
  it('refuses the old v2.3 ACK: MSH-9.3 and ERR-2..8 do not exist in 2.3', () => {
    expect(problems.get('old v2.3 ACK')).toEqual([
      'MSH-9 (CM_MSG) has an undefined part: ACK',
      'MSH-9 is 11 characters, max 7: ACK^A03^ACK',
      'ERR-2 is not a field of ERR in this version',
      'ERR-3 is not a field of ERR in this version',
      'ERR-4 is not a field of ERR in this version',
      'ERR-8 is not a field of ERR in this version',
    ]);
  });

  it('refuses a field over its max length', () => {
    expect(problems.get('MSA-3 over 80 characters in 2.5')).toEqual([
      `MSA-3 is 81 characters, max 80: ${'x'.repeat(81)}`,
    ]);
  });

  it('refuses MSA-3 in 2.7, where it is withdrawn', () => {
    expect(problems.get('MSA-3 in 2.7')?.join()).toMatch(/withdrawn .* at MSA-3/);
  });
});
