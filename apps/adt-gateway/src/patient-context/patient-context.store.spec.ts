import { foldContexts, type SourcedContext } from './patient-context.store';

const write = (eventAt: string, patient: SourcedContext['patient'], visit: SourcedContext['visit'] = {}) => ({
  transitionId: 'transition:RIVERSIDE:V1',
  facility: 'RIVERSIDE',
  visitNumber: 'V1',
  patientKey: 'RIVERSIDE|M1',
  eventAt,
  patient,
  visit,
  sourceMessageId: eventAt,
});

describe('foldContexts (several messages of one visit in one archive batch)', () => {
  it('merges in event time order, whatever the arrival order: the later part wins', () => {
    const later = write('2026-11-13T15:00:00Z', { sex: 'F' }, { dischargeAt: null });
    const earlier = write(
      '2026-11-13T14:00:00Z',
      { sex: 'U', birthDate: '19520314' },
      { dischargeAt: '2026-11-13T14:00:00Z', disposition: '01' },
    );
    expect(foldContexts([later, earlier])).toEqual([
      {
        ...later,
        patient: { sex: 'F', birthDate: '19520314' },
        visit: { dischargeAt: null, disposition: '01' },
      },
    ]);
  });

  it('keeps visits apart', () => {
    const other = { ...write('2026-11-13T14:00:00Z', {}), transitionId: 'transition:RIVERSIDE:V2' };
    expect(foldContexts([write('2026-11-13T14:00:00Z', {}), other])).toHaveLength(2);
  });
});
