import { encodeCursor, filtersFingerprint } from '../../ops/list-transitions/cursor';
import { accessLogFilterSchema } from './list-access-log.query';

describe('accessLogFilterSchema', () => {
  it('takes the filters and a cursor issued for them', () => {
    const fingerprint = filtersFingerprint({ subject: 'nurse-1' });
    const cursor = encodeCursor({ updatedAt: '2026-11-13T19:15:00.123456Z', id: 'a', filters: fingerprint });
    const parsed = accessLogFilterSchema.parse({ subject: 'nurse-1', cursor });
    expect(parsed).toMatchObject({ subject: 'nurse-1', limit: 50, cursor: { id: 'a' } });
  });

  it('names the field that is wrong', () => {
    const other = encodeCursor({ updatedAt: '2026-11-13T19:15:00.123456Z', id: 'a', filters: 'x' });
    const issues = (input: Record<string, string>) =>
      accessLogFilterSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ subject: 'nurse-1', cursor: other })).toEqual(['cursor']);
    expect(issues({ from: '2026-11-14T00:00:00Z', to: '2026-11-13T00:00:00Z' })).toEqual(['to']);
    expect(issues({ patient: 'x' })).toEqual(['']);
  });
});
