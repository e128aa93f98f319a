import { workflowBundle } from '../support/workflow-env';

/**
 * Every workflow run evaluates the bundle's modules again in its sandbox: heavy libraries cost CPU
 * per transition (zod alone was a third of the workflow thread's time at load).
 */
describe('workflow bundle', () => {
  it('leaves out zod and the pathway schema', async () => {
    const { code } = await workflowBundle();
    const modules = [...code.matchAll(/^\/\*\*\*\/ "([^"]+)"/gm)].map((m) => m[1]);
    expect(modules.some((m) => m.includes('care-transition.workflow'))).toBe(true);
    expect(modules.filter((m) => /node_modules\/zod\/|pathway\.schema/.test(m))).toEqual([]);
  });
});
