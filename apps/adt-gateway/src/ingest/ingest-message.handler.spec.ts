import type { GatewayEnv } from '@ct/config';
import { parseHl7 } from '@ct/hl7';
import { adtMessage } from '@ct/hl7/testing';
import { MetricsRegistry } from '@ct/observability';
import type { HandOffService } from './hand-off.service';
import { IngestMessageCommand } from './ingest-message.command';
import { IngestMessageHandler } from './ingest-message.handler';
import { feedLabel, IngestMetrics, MAX_FEEDS } from './ingest.metrics';
import type { RejectMessageService } from './reject-message.service';

function setUp() {
  const handOff = { handOff: jest.fn().mockResolvedValue({ outcome: 'accepted', inboundMessageId: 'in-1' }) };
  const rejections = { reject: jest.fn().mockResolvedValue('q-1') };
  const env = { FACILITY_TIME_ZONE: 'America/New_York' } as GatewayEnv;
  const registry = new MetricsRegistry();
  const handler = new IngestMessageHandler(
    handOff as unknown as HandOffService,
    rejections as unknown as RejectMessageService,
    env,
    new IngestMetrics(registry),
  );
  const ingest = async (raw: string, authenticatedAs: string | null = null) => {
    const result = await handler.execute(new IngestMessageCommand(raw, 'mllp', authenticatedAs));
    return { result, ack: parseHl7(result.ack) };
  };
  return { handOff, rejections, ingest, registry };
}

describe('IngestMessageHandler: refuses before the ACK what later stages cannot take', () => {
  it('accepts a clean discharge and hands it off', async () => {
    const { handOff, ingest } = setUp();
    const { ack } = await ingest(adtMessage());
    expect(ack.get('MSA-1')).toBe('AA');
    expect(handOff.handOff).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      'a visit number too long for a workflow id',
      { visit: { visitNumber: { id: 'V'.repeat(1_200) } } },
      'PV1^1^19^1^1',
    ],
    [
      'a NUL in the MRN',
      { patient: { identifiers: [{ id: 'BAD\u0000MRN', assigningAuthority: 'RIVERSIDE', typeCode: 'MR' }] } },
      'PID^1^3^1^1',
    ],
    [
      'a line break in the assigning authority',
      { patient: { identifiers: [{ id: 'MRN1', assigningAuthority: 'RIVER\nSIDE', typeCode: 'MR' }] } },
      'PID^1^3^1^4',
    ],
    [
      'a facility longer than any key may be',
      { visit: { location: { facility: 'F'.repeat(101) }, visitNumber: { id: 'V1' } } },
      'PV1^1^3^1^4',
    ],
  ])('answers AE naming the field, quarantines and never hands off: %s', async (_case, options, where) => {
    const { handOff, rejections, ingest } = setUp();
    const { result, ack } = await ingest(adtMessage(options));
    expect(result.outcome).toBe('rejected');
    expect(ack.get('MSA-1')).toBe('AE');
    expect(ack.segment('ERR')?.field(2)).toBe(where);
    expect(ack.get('ERR-3.1')).toBe('102');
    expect(handOff.handOff).not.toHaveBeenCalled();
    expect(rejections.reject).toHaveBeenCalledWith(
      expect.any(String),
      'mllp',
      expect.objectContaining({ controlId: 'MSG00001' }),
      'BAD_VALUE',
      expect.stringMatching(/^(PV1|PID)-/),
      null, // plain MLLP: nobody authenticated
    );
  });

  it('never echoes the refused value in the NAK', async () => {
    const { result, ack } = await setUp().ingest(
      adtMessage({ patient: { identifiers: [{ id: 'SECRET\u0001MRN', typeCode: 'MR' }] } }),
    );
    expect(ack.get('MSA-1')).toBe('AE');
    // the NAK as sent (a parsed message's toString() is '[object Object]', which contains nothing)
    expect(result.ack).not.toContain('SECRET');
  });
});

describe('IngestMessageHandler: metrics', () => {
  const counted = async (registry: MetricsRegistry) =>
    (await registry.getSingleMetric('ct_gateway_messages_total')?.get())?.values ?? [];

  it('counts an accepted discharge by transport, trigger, ACK code and outcome, and times its ACK', async () => {
    const { ingest, registry } = setUp();
    await ingest(adtMessage());
    expect(await counted(registry)).toEqual([
      { labels: { transport: 'mllp', trigger: 'A03', ack_code: 'AA', outcome: 'accepted' }, value: 1 },
    ]);
    const latency = await registry.getSingleMetric('ct_gateway_ack_latency_seconds')?.get();
    expect(latency?.values).toContainEqual(
      expect.objectContaining({ metricName: 'ct_gateway_ack_latency_seconds_count', value: 1 }),
    );
  });

  it('counts a refused message by the NAK it got', async () => {
    const { ingest, registry } = setUp();
    await ingest(adtMessage({ trigger: 'A01', visit: { visitNumber: { id: 'V'.repeat(1_200) } } }));
    expect(await counted(registry)).toEqual([
      { labels: { transport: 'mllp', trigger: 'A01', ack_code: 'AE', outcome: 'rejected' }, value: 1 },
    ]);
  });

  it("labels a sender's garbage trigger `other`, and no ACK at all `none`", async () => {
    const { ingest, registry } = setUp();
    await ingest(adtMessage({ trigger: 'MRN100234' }));
    await ingest('not HL7 at all');
    const labels = (await counted(registry)).map((value) => value.labels);
    expect(labels).toEqual([
      expect.objectContaining({ trigger: 'other', outcome: 'rejected' }),
      expect.objectContaining({ trigger: 'none', ack_code: 'AR', outcome: 'rejected' }),
    ]);
  });

  it('keeps when each authenticated feed last had a message accepted, and not for a refused one', async () => {
    const { ingest, registry } = setUp();
    const lastAccepted = async () =>
      (await registry.getSingleMetric('ct_gateway_feed_last_accepted_timestamp_seconds')?.get())?.values ??
      [];
    const before = Date.now() / 1000;
    await ingest(adtMessage(), 'cert:CN=riverside-engine');
    await ingest(adtMessage({ trigger: 'MRN100234' }), 'token:lakeside-feed'); // refused
    await ingest(adtMessage({ controlId: 'MSG00002' }));
    const values = await lastAccepted();
    expect(values.map((value) => value.labels.feed).sort()).toEqual([
      'cert:CN=riverside-engine',
      'unauthenticated',
    ]);
    for (const { value } of values) expect(value).toBeGreaterThanOrEqual(before);
  });

  it('bounds the feed label: the credential, `unauthenticated`, or `other` past the known feeds', () => {
    expect(feedLabel(null, new Set())).toBe('unauthenticated');
    expect(feedLabel('token:feed-1', new Set())).toBe('token:feed-1');
    const full = new Set(Array.from({ length: MAX_FEEDS }, (_, i) => `token:feed-${i}`));
    expect(feedLabel('token:feed-7', full)).toBe('token:feed-7');
    expect(feedLabel('token:one-too-many', full)).toBe('other');
    expect(feedLabel(`token:${'x'.repeat(300)}`, new Set())).toBe('other');
  });

  it("never puts the message's patient, visit or control id in a label", async () => {
    const { ingest, registry } = setUp();
    await ingest(adtMessage());
    await ingest(adtMessage({ controlId: 'CTRL-42', patient: { identifiers: [{ id: 'BAD\u0000MRN' }] } }));
    const scrape = await registry.metrics();
    for (const id of ['MRN100234', 'V7788001', 'MSG00001', 'CTRL-42', 'BAD', 'DOE', 'RIVERSIDE'])
      expect(scrape).not.toContain(id);
  });
});
