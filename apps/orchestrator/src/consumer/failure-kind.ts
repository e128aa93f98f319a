import { isGrpcServiceError } from '@temporalio/client';
import { ZodError } from 'zod';
import { isDataError } from '@ct/persistence';

/**
 * transient: a server we need is down or slow; the record is fine, so it waits (it is not a dead
 * letter) while readiness says why. bad-data: this record can never succeed; dead-letter it now.
 * unknown: retried a bounded number of times, then dead-lettered.
 */
export type FailureKind = 'transient' | 'bad-data' | 'unknown';

// gRPC status codes (https://grpc.github.io/grpc/core/md_doc_statuscodes.html)
const GRPC_TRANSIENT = new Set([1, 4, 8, 10, 14]); // cancelled, deadline, exhausted, aborted, unavailable
const GRPC_BAD_DATA = new Set([3, 11]); // invalid argument (e.g. an id over the length limit), out of range

// SQLSTATE classes: 08 connection, 53 resources, 57 operator intervention (incl. statement timeout)
const PG_TRANSIENT = /^(08|53|57|40)/;
const NODE_NET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

export function failureKind(error: unknown): FailureKind {
  for (const e of causes(error)) {
    if (e instanceof ZodError) return 'bad-data';
    if (isGrpcServiceError(e)) {
      if (GRPC_BAD_DATA.has(e.code)) return 'bad-data';
      if (GRPC_TRANSIENT.has(e.code)) return 'transient';
    }
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (NODE_NET.has(code) || PG_TRANSIENT.test(code)) return 'transient';
    }
    if (isDataError(e)) return 'bad-data';
    if (e instanceof Error && /Connection terminated|timeout exceeded when trying to connect/.test(e.message))
      return 'transient';
  }
  return 'unknown';
}
