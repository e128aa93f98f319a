import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@ct/observability';

/** The ETag of a task: its step's revision, weak since it names the state, not the bytes. */
export const etagOf = (revision: number) => `W/"${revision}"`;

const TAG = /^(?:W\/)?"(\d{1,9})"$/;

/**
 * The revision an If-Match names (weak or strong form of our ETag); none, or `*`, means no check.
 * One tag only: a task has one current revision.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = TAG.exec(header.trim());
  if (!match) {
    throw new ProblemException({
      type: 'https://care-transitions.dev/problems/bad-if-match',
      title: 'If-Match is not an ETag of this task',
      status: HttpStatus.BAD_REQUEST,
      detail:
        'Send one entity tag as the task came with it (ETag, or its revision): If-Match: W/"<revision>".',
    });
  }
  return Number(match[1]);
}

/** Sets the ETag of a write's result (the task's new revision) and passes the result on. */
export function withEtag<T extends { revision: number }>(
  response: { setHeader(name: string, value: string): unknown },
  result: T,
): T {
  response.setHeader('ETag', etagOf(result.revision));
  return result;
}
