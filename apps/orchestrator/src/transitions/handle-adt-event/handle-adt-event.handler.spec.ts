import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { AdtEventV1 } from '@ct/contracts';
import { MetricsRegistry } from '@ct/observability';
import type { TransitionStarter } from '../transition-starter';
import { TransitionMetrics } from '../transition.metrics';
import { HandleAdtEventCommand } from './handle-adt-event.command';
import { HandleAdtEventHandler } from './handle-adt-event.handler';
import type { OpenTransitionsLookup } from './open-transitions.lookup';

function event(type: AdtEventV1['type'], extra: Partial<AdtEventV1> = {}): AdtEventV1 {
  return {
    schema: 'adt.event.v1',
    eventId: `evt-${type}`,
    type,
    trigger: 'A03',
    occurredAt: '2026-11-20T16:30:00-05:00',
    recordedAt: '2026-11-20T16:30:00-05:00',
    facility: 'RIV',
    patient: { key: 'RIV|MRN1', identifiers: [{ id: 'MRN1' }] },
    visit: { number: 'V1', dischargeDisposition: '01' },
    diagnoses: [],
    source: {
      sendingApplication: 'EPIC',
      sendingFacility: 'RIV',
      controlId: 'C1',
      messageType: 'ADT^A03',
      transport: 'mllp',
    },
    ...extra,
  };
}

describe('HandleAdtEventHandler routing', () => {
  const starter = {
    signalWithStart: jest
      .fn()
      .mockResolvedValue({ workflowId: 'transition:RIV:V1', outcome: 'started-or-signalled' }),
  };
  const signal = jest.fn();
  const temporal = { workflow: { getHandle: jest.fn(() => ({ signal })) } };
  const lookup = { idsFor: jest.fn().mockResolvedValue([]) };
  const handler = new HandleAdtEventHandler(
    temporal as unknown as Client,
    lookup as unknown as OpenTransitionsLookup,
    starter as unknown as TransitionStarter,
    new TransitionMetrics(new MetricsRegistry()),
  );
  const run = (e: AdtEventV1) => handler.execute(new HandleAdtEventCommand(e));

  beforeEach(() => jest.clearAllMocks());

  it('starts (or signals) the visit transition on a discharge and on a cancel that may overtake it', async () => {
    expect(await run(event('patient.discharged'))).toBe('started-or-signalled');
    expect(await run(event('discharge.cancelled'))).toBe('started-or-signalled');
    expect(starter.signalWithStart).toHaveBeenCalledTimes(2);
    expect(starter.signalWithStart.mock.calls[0].slice(0, 2)).toEqual(['RIV', 'V1']);
  });

  it('leaves a finished transition alone: a late A08 with a discharge time neither restarts it nor reaches paused ones', async () => {
    starter.signalWithStart.mockResolvedValueOnce({ workflowId: 'transition:RIV:V1', outcome: 'finished' });
    const late = event('patient.updated', {
      visit: { number: 'V1', dischargeAt: '2026-11-20T16:30:00-05:00' },
    });
    expect(await run(late)).toBe('finished');
    expect(starter.signalWithStart.mock.calls[0][4]).toBe(false);
    starter.signalWithStart.mockResolvedValueOnce({ workflowId: 'transition:RIV:V1', outcome: 'finished' });
    expect(await run(event('patient.discharged'))).toBe('finished');
    expect(starter.signalWithStart.mock.calls[1][4]).toBe(true);
    expect(lookup.idsFor).not.toHaveBeenCalled();
  });

  it('signals an A08 only to a running transition, unless it carries a discharge time', async () => {
    signal.mockRejectedValueOnce(new WorkflowNotFoundError('gone', 'transition:RIV:V1', undefined));
    expect(await run(event('patient.updated'))).toBe('no-transition');
    expect(starter.signalWithStart).not.toHaveBeenCalled();
    const discharged = event('patient.updated', {
      visit: { number: 'V1', dischargeAt: '2026-11-20T16:30:00-05:00' },
    });
    expect(await run(discharged)).toBe('started-or-signalled');
  });

  it('routes an admission to every open transition of the patient, a merge by the retired patient', async () => {
    lookup.idsFor.mockResolvedValueOnce(['transition:RIV:V0', 'transition:RIV:V9']);
    expect(await run(event('patient.admitted'))).toBe('signalled');
    expect(lookup.idsFor).toHaveBeenLastCalledWith('RIV|MRN1');
    expect(signal).toHaveBeenCalledTimes(2);

    lookup.idsFor.mockResolvedValueOnce([]);
    expect(await run(event('patients.merged', { merge: { priorPatientKey: 'RIV|OLD' } }))).toBe(
      'no-transition',
    );
    expect(lookup.idsFor).toHaveBeenLastCalledWith('RIV|OLD');
  });

  it('tells the patient paused transitions (not its own) about a discharge, so they resume', async () => {
    lookup.idsFor.mockResolvedValueOnce(['transition:RIV:referral-R1', 'transition:RIV:V1']);
    expect(await run(event('patient.discharged'))).toBe('started-or-signalled');
    expect(lookup.idsFor).toHaveBeenLastCalledWith('RIV|MRN1', ['paused']);
    expect(temporal.workflow.getHandle.mock.calls).toEqual([['transition:RIV:referral-R1']]);
    expect(signal).toHaveBeenCalledTimes(1);

    // an A13 or an A08 does not end a pause
    await run(event('discharge.cancelled'));
    expect(lookup.idsFor).toHaveBeenCalledTimes(1);
  });

  it('ignores events that do not concern transitions', async () => {
    expect(await run(event('patient.registered'))).toBe('not-relevant');
    expect(starter.signalWithStart).not.toHaveBeenCalled();
    expect(signal).not.toHaveBeenCalled();
  });
});
