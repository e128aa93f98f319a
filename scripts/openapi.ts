import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GATEWAY_OPENAPI } from '../apps/adt-gateway/src/openapi';
import { API_OPENAPI } from '../apps/api/src/openapi';
import { renderOpenApi } from '@ct/observability';

/** `npm run openapi`: writes docs/openapi/<app>.json from the code, without starting any server. */
async function main(): Promise<void> {
  for (const target of [API_OPENAPI, GATEWAY_OPENAPI]) {
    mkdirSync(dirname(target.file), { recursive: true });
    writeFileSync(target.file, await renderOpenApi(target));
    console.log(`wrote ${target.file}`);
  }
}

void main();
