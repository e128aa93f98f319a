import type { INestApplication } from '@nestjs/common';
import { adtMessage } from '@ct/hl7/testing';
import { MllpClient } from '@ct/mllp';
import { MllpListenerService } from '../../apps/adt-gateway/src/mllp/mllp-listener.service';
import { postHl7, startGateway } from '../support/gateway';

/** The value of one series in a Prometheus text scrape, or undefined when it is not there. */
function sample(scrape: string, series: string): number | undefined {
  const line = scrape.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics on the gateway, against real Kafka and Postgres', () => {
  const run = Date.now().toString(36).toUpperCase();
  const mrn = `MRN${run}`;
  const visit = `V${run}`;
  let gateway: INestApplication;
  let url: string;

  const message = (controlId: string, trigger = 'A03') =>
    adtMessage({
      trigger,
      controlId: `${run}-${controlId}`,
      sendingApplication: `MX${run}`,
      patient: { identifiers: [{ id: mrn, assigningAuthority: 'RIVERSIDE', typeCode: 'MR' }] },
      visit: { visitNumber: { id: visit, assigningAuthority: 'RIVERSIDE' } },
    });
  const scrape = async () => {
    const response = await fetch(`${url}/metrics`); // no token: public, like /health
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return response.text();
  };

  beforeAll(async () => {
    // the gateway never uses Temporal: none where it points
    ({ app: gateway, url } = await startGateway({
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      MLLP_MAX_FRAME_BYTES: '65536',
    }));
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('counts an HL7 message by transport, trigger and ACK code, and names none of its ids', async () => {
    const answer = await postHl7(url, message('HTTP'));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(`MSA|AA|${run}-HTTP`);
    const refused = await postHl7(url, message('BAD', 'A99'));
    expect(refused.status).toBe(422);

    const text = await scrape();
    const http = 'ct_gateway_messages_total{transport="http",trigger="A03",ack_code="AA",outcome="accepted"}';
    expect(sample(text, http)).toBe(1);
    expect(
      sample(
        text,
        'ct_gateway_messages_total{transport="http",trigger="A99",ack_code="AR",outcome="rejected"}',
      ),
    ).toBe(1);
    expect(sample(text, 'ct_gateway_quarantined_total{transport="http",code="UNSUPPORTED_EVENT"}')).toBe(1);
    expect(sample(text, 'ct_gateway_ack_latency_seconds_count{transport="http"}')).toBe(2);
    // the process default metrics are there too
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    for (const id of [mrn, visit, run, 'DOE', 'JANE']) expect(text).not.toContain(id);
  });

  it('counts MLLP frames, oversize frames and bytes outside a frame from the server hooks', async () => {
    const client = new MllpClient({ port: gateway.get(MllpListenerService).port! });
    await client.connect();
    try {
      expect(await client.send(message('MLLP'))).toContain(`MSA|AA|${run}-MLLP`);
      expect(await client.send(message('BIG') + 'x'.repeat(70_000))).toContain('MSA|AR');
    } finally {
      await client.close();
    }
    const text = await scrape();
    expect(sample(text, 'ct_mllp_frames_total')).toBe(1);
    expect(sample(text, 'ct_mllp_oversize_frames_total')).toBe(1);
    expect(
      sample(
        text,
        'ct_gateway_messages_total{transport="mllp",trigger="A03",ack_code="AA",outcome="accepted"}',
      ),
    ).toBe(1);
    expect(text).not.toContain(mrn);
  });
});
