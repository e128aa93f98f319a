import { Query } from '@nestjs/cqrs';
import { z } from 'zod';

export const quarantineFilterSchema = z
  .object({
    status: z.enum(['rejected', 'failed']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type QuarantineFilter = z.infer<typeof quarantineFilterSchema>;

/** A quarantined message as an operator lists it: ids and the reason, not the content. */
export const quarantinedMessageViewSchema = z
  .object({
    id: z.uuid(),
    sender: z.string(),
    controlId: z.string(),
    transport: z.string(),
    /** Who the gateway authenticated (`token:<subject>`, `cert:<subject>`); null over plain MLLP. */
    authenticatedAs: z.string().nullable(),
    messageType: z.string().nullable(),
    status: z.string(),
    reason: z.string().nullable(),
    receivedAt: z.iso.datetime(),
  })
  .meta({ id: 'QuarantinedMessage' });
export type QuarantinedMessageView = z.infer<typeof quarantinedMessageViewSchema>;

export const quarantinePageSchema = z
  .object({ items: z.array(quarantinedMessageViewSchema), total: z.number().int() })
  .meta({ id: 'QuarantinePage' });

export class ListQuarantineQuery extends Query<z.infer<typeof quarantinePageSchema>> {
  constructor(readonly filter: QuarantineFilter) {
    super();
  }
}
