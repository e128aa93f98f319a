import { readFileSync } from 'node:fs';
import type { Type } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import { previewOpenApiDocument, type DocumentInfo } from './openapi-document';

/** One app's committed OpenAPI document: where it lives (from the repository root) and what builds it. */
export interface OpenApiTarget {
  file: string;
  module: Type<unknown>;
  info: DocumentInfo;
}

export async function renderOpenApi(target: OpenApiTarget): Promise<string> {
  return `${JSON.stringify(await previewOpenApiDocument(target.module, target.info), null, 2)}\n`;
}

/** JSON pointers where two JSON values differ (at most `limit`). */
export function jsonDifferences(a: unknown, b: unknown, at = '', limit = 20): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return [at || '/'];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const found: string[] = [];
  for (const key of keys) {
    if (found.length >= limit) break;
    const pointer = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    found.push(...jsonDifferences(a[key], b[key], pointer, limit - found.length));
  }
  return found;
}

/** Throws, saying to run `npm run openapi`, when the committed document is not what the code builds. */
export async function checkCommittedOpenApi(target: OpenApiTarget): Promise<void> {
  const fresh: unknown = JSON.parse(await renderOpenApi(target));
  let committed: unknown;
  try {
    committed = JSON.parse(readFileSync(target.file, 'utf8'));
  } catch {
    committed = undefined;
  }
  const differences = jsonDifferences(committed, fresh);
  if (differences.length === 0) return;
  throw new Error(
    `${target.file} is not the OpenAPI document the code builds; run \`npm run openapi\` and commit it.\n` +
      `Differs at:\n  ${differences.join('\n  ')}`,
  );
}
