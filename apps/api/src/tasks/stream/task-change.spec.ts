import { parseTaskChange } from './task-change';

describe('parseTaskChange', () => {
  const payload = {
    id: '00000000-0000-4000-8000-000000000001',
    transitionId: 'transition:RIVERSIDE:V1',
    stepKey: 'tcm-contact',
    facility: 'RIVERSIDE',
    role: 'transitional-care-nurse',
    status: 'claimed',
    priority: 'urgent',
    assignee: 'nurse-1',
    dueAt: '2026-12-07T00:00:00-05:00',
    breachedAt: null,
    revision: null,
    updatedAt: '2026-12-04T21:42:23.123456+00:00',
  };

  it('reads the trigger payload, times as UTC ISO', () => {
    expect(parseTaskChange(JSON.stringify(payload))).toMatchObject({
      id: payload.id,
      status: 'claimed',
      dueAt: '2026-12-07T05:00:00.000Z',
      updatedAt: '2026-12-04T21:42:23.123Z',
      revision: null,
    });
  });

  it('ignores what is not a task change', () => {
    expect(parseTaskChange('not json')).toBeUndefined();
    expect(parseTaskChange(JSON.stringify({ ...payload, status: 'lost' }))).toBeUndefined();
    expect(parseTaskChange(undefined)).toBeUndefined();
  });
});
