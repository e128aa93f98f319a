import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { defineSignal } from '@temporalio/workflow';
import type { OrchestratorEnv } from '@ct/config';
import { MetricsRegistry } from '@ct/observability';
import type { OpenTransitionsLookup } from './handle-adt-event/open-transitions.lookup';
import { TransitionStarter } from './transition-starter';
import { TransitionMetrics } from './transition.metrics';

const signal = defineSignal<[{ eventId: string }]>('adtEvent');
const closed = () =>
  new WorkflowExecutionAlreadyStartedError('closed', 'transition:RIV:V1', 'careTransitionWorkflow');

function setUp(ended?: { status: string; reason: string | null }) {
  const signalWithStart = jest.fn().mockResolvedValue(undefined);
  const lookup = { statusOf: jest.fn().mockResolvedValue(ended) };
  const registry = new MetricsRegistry();
  const starter = new TransitionStarter(
    { workflow: { signalWithStart } } as unknown as Client,
    lookup as unknown as OpenTransitionsLookup,
    { FACILITY_TIME_ZONE: 'America/New_York', TEMPORAL_TASK_QUEUE: 'q' } as OrchestratorEnv,
    new TransitionMetrics(registry),
  );
  const policies = () => signalWithStart.mock.calls.map(([, options]) => options.workflowIdReusePolicy);
  return { starter, signalWithStart, policies, registry };
}

describe('TransitionStarter', () => {
  it('never starts a closed transition again by default', async () => {
    const { starter, signalWithStart, policies } = setUp({
      status: 'no-outreach',
      reason: 'patient-expired',
    });
    signalWithStart.mockRejectedValueOnce(closed());
    const result = await starter.signalWithStart('RIV', 'V1', signal, { eventId: 'e2' }, true);
    expect(result).toEqual({ workflowId: 'transition:RIV:V1', outcome: 'finished' });
    expect(policies()).toEqual(['REJECT_DUPLICATE']);
  });

  it('opens a new episode for a discharge after the cancel that ended the last one', async () => {
    const { starter, signalWithStart, policies } = setUp({
      status: 'cancelled',
      reason: 'discharge-cancelled',
    });
    signalWithStart.mockRejectedValueOnce(closed());
    const result = await starter.signalWithStart('RIV', 'V1', signal, { eventId: 'e3' }, true);
    expect(result.outcome).toBe('reopened');
    expect(policies()).toEqual(['REJECT_DUPLICATE', 'ALLOW_DUPLICATE']);
  });

  it('starts again, for a discharge, a transition that bad data ended', async () => {
    const { starter, signalWithStart, policies } = setUp({
      status: 'failed',
      reason: 'bad data in openTask',
    });
    signalWithStart.mockRejectedValueOnce(closed());
    const result = await starter.signalWithStart('RIV', 'V1', signal, { eventId: 'e6' }, true);
    expect(result.outcome).toBe('reopened');
    expect(policies()).toEqual(['REJECT_DUPLICATE', 'ALLOW_DUPLICATE']);
  });

  it('does not reopen a cancelled transition for anything but a discharge', async () => {
    const { starter, signalWithStart, policies } = setUp({
      status: 'cancelled',
      reason: 'discharge-cancelled',
    });
    signalWithStart.mockRejectedValueOnce(closed());
    expect((await starter.signalWithStart('RIV', 'V1', signal, { eventId: 'e4' })).outcome).toBe('finished');
    expect(policies()).toEqual(['REJECT_DUPLICATE']);
  });

  it('passes other errors on', async () => {
    const { starter, signalWithStart } = setUp();
    signalWithStart.mockRejectedValueOnce(new Error('unavailable'));
    await expect(starter.signalWithStart('RIV', 'V1', signal, { eventId: 'e5' })).rejects.toThrow(
      'unavailable',
    );
  });
});

describe('TransitionStarter metrics', () => {
  it('counts each signal-with-start by signal and outcome, never by workflow id', async () => {
    const { starter, signalWithStart, registry } = setUp({
      status: 'cancelled',
      reason: 'discharge-cancelled',
    });
    await starter.signalWithStart('RIV', 'V1', signal, { eventId: 'e1' });
    signalWithStart.mockRejectedValueOnce(closed());
    await starter.signalWithStart('RIV', 'V1', signal, { eventId: 'e2' }, true);
    const starts = await registry.getSingleMetric('ct_orchestrator_workflow_starts_total')?.get();
    expect(starts?.values).toEqual([
      { labels: { signal: 'adtEvent', outcome: 'started-or-signalled' }, value: 1 },
      { labels: { signal: 'adtEvent', outcome: 'reopened' }, value: 1 },
    ]);
    expect(await registry.metrics()).not.toContain('V1');
  });
});
