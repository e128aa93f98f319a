import { z } from 'zod';
import { FhirInputError } from './operation-outcome';
import type { NotificationMessage } from './read-notification';

/** The archive key of a FHIR message: its sender's endpoint and the Bundle (or MessageHeader) id. */
export interface FhirOrigin {
  sender: string;
  controlId: string;
  messageType: string;
}

export function originOf({ bundle, header }: Pick<NotificationMessage, 'bundle' | 'header'>): FhirOrigin {
  const controlId = bundle.id ?? header.id;
  if (!controlId) {
    throw FhirInputError.of('required', 'Bundle.id or MessageHeader.id identifies the message', 'Bundle.id');
  }
  return { sender: header.source.endpoint, controlId, messageType: header.eventCoding.code ?? '' };
}

// only the first entry is the MessageHeader: the rest may be anything
const looseOrigin = z.object({
  id: z.string().min(1).optional(),
  entry: z.tuple(
    [
      z.object({
        resource: z.object({
          id: z.string().min(1).optional(),
          source: z.object({ endpoint: z.string().min(1) }),
          eventCoding: z.object({ code: z.string().optional() }).optional(),
        }),
      }),
    ],
    z.unknown(),
  ),
});

/** What a message we reject says of its sender and id, so a corrected resend finds its quarantine row. */
export function peekOrigin(raw: string): FhirOrigin | undefined {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = looseOrigin.safeParse(json);
  if (!parsed.success) return undefined;
  const header = parsed.data.entry[0].resource;
  const controlId = parsed.data.id ?? header.id;
  if (!controlId) return undefined;
  return { sender: header.source.endpoint, controlId, messageType: header.eventCoding?.code ?? '' };
}
