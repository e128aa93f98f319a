import { randomUUID } from 'node:crypto';
import type { MessageHeader } from './notification-bundle.schema';

export const GATEWAY_ENDPOINT = 'urn:care-transitions:adt-gateway';

export interface ResponseBundle {
  resourceType: 'Bundle';
  id: string;
  type: 'message';
  timestamp: string;
  entry: { fullUrl: string; resource: Record<string, unknown> }[];
}

/** The $process-message answer: a response MessageHeader that says 'ok' to the request's id. */
export function responseBundle(request: MessageHeader, requestId: string, now = new Date()): ResponseBundle {
  const headerId = randomUUID();
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type: 'message',
    timestamp: now.toISOString(),
    entry: [
      {
        fullUrl: `urn:uuid:${headerId}`,
        resource: {
          resourceType: 'MessageHeader',
          id: headerId,
          eventCoding: request.eventCoding,
          destination: [{ endpoint: request.source.endpoint }],
          source: { name: 'care-transitions adt-gateway', endpoint: GATEWAY_ENDPOINT },
          response: { identifier: requestId, code: 'ok' },
        },
      },
    ],
  };
}
