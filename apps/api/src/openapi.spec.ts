import { checkCommittedOpenApi } from '@ct/observability';
import { API_OPENAPI } from './openapi';

describe('docs/openapi/api.json', () => {
  it('is the document the code builds (else: npm run openapi)', async () => {
    await checkCommittedOpenApi(API_OPENAPI);
  });
});
