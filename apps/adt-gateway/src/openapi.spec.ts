import { checkCommittedOpenApi } from '@ct/observability';
import { GATEWAY_OPENAPI } from './openapi';

describe('docs/openapi/adt-gateway.json', () => {
  it('is the document the code builds (else: npm run openapi)', async () => {
    await checkCommittedOpenApi(GATEWAY_OPENAPI);
  });
});
