import { MetricsRegistry } from '@ct/observability';
import type { HandOffService } from '../ingest/hand-off.service';
import { IngestMetrics } from '../ingest/ingest.metrics';
import type { RejectMessageService } from '../ingest/reject-message.service';
import { ProcessMessageCommand } from './process-message.command';
import { ProcessMessageHandler } from './process-message.handler';
import { notificationBundle } from './testing/notification-bundle';

describe('ProcessMessageHandler', () => {
  const handOff = { handOff: jest.fn() };
  const rejections = { reject: jest.fn() };
  const handler = new ProcessMessageHandler(
    handOff as unknown as HandOffService,
    rejections as unknown as RejectMessageService,
    { FHIR_IDENTIFIER_AUTHORITIES: new Map() },
    new IngestMetrics(new MetricsRegistry()),
  );
  const run = (body: unknown) => handler.execute(new ProcessMessageCommand(JSON.stringify(body)));

  beforeEach(() => jest.resetAllMocks());

  it('archives the raw JSON under the sender endpoint and Bundle.id, then answers ok', async () => {
    handOff.handOff.mockResolvedValue({ outcome: 'accepted', inboundMessageId: 'in-1' });
    const result = await run(notificationBundle());
    expect(handOff.handOff.mock.calls[0][0]).toMatchObject({
      sender: 'https://ehr.riverside.example/fhir',
      controlId: 'bundle-1',
      transport: 'fhir',
      raw: JSON.stringify(notificationBundle()),
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      entry: [{ resource: { response: { identifier: 'mh-1', code: 'ok' } } }],
    });
  });

  it('answers 503 transient when the hand-off is unavailable', async () => {
    handOff.handOff.mockResolvedValue({ outcome: 'unavailable' });
    expect(await run(notificationBundle())).toMatchObject({
      status: 503,
      body: { resourceType: 'OperationOutcome', issue: [{ code: 'transient' }] },
    });
  });

  it('quarantines what it refuses with the code and reason, and answers 503 if it cannot', async () => {
    rejections.reject.mockResolvedValueOnce('in-2');
    const bad = notificationBundle({ event: 'notification-lab-result' });
    expect(await run(bad)).toMatchObject({ status: 422, outcome: 'rejected', inboundMessageId: 'in-2' });
    expect(rejections.reject).toHaveBeenCalledWith(
      JSON.stringify(bad),
      'fhir',
      expect.objectContaining({ controlId: 'bundle-1' }),
      'not-supported',
      expect.stringContaining('Bundle.entry[0].resource.eventCoding'),
      null,
    );
    rejections.reject.mockRejectedValueOnce(new Error('db down'));
    expect((await run(bad)).status).toBe(503);
    expect(handOff.handOff).not.toHaveBeenCalled();
  });
});
