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
export interface QuarantinedMessageView {
  id: string;
  sender: string;
  controlId: string;
  transport: string;
  /** Who the gateway authenticated (`token:<subject>`, `cert:<subject>`); null over plain MLLP. */
  authenticatedAs: string | null;
  messageType: string | null;
  status: string;
  reason: string | null;
  receivedAt: string;
}

export class ListQuarantineQuery extends Query<{ items: QuarantinedMessageView[]; total: number }> {
  constructor(readonly filter: QuarantineFilter) {
    super();
  }
}
