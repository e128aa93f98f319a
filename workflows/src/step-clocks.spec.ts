import { definePathway } from '@ct/domain/workflow-safe';
import { dueClockActions, nextWakeUp } from './step-clocks';
import {
  at,
  hours,
  newStepRun,
  type ActiveState,
  type OpenStep,
  type PausedState,
  type StepRun,
} from './transition-state';

const DUE = '2055-01-10T12:00:00.000Z';
const pathway = definePathway({
  id: 'test',
  version: 1,
  title: 'Test',
  trigger: 'discharge',
  priority: 1,
  appliesWhen: [{}],
  onReadmission: 'close',
  steps: [
    {
      key: 'call',
      title: 'Call',
      role: 'nurse',
      clock: { kind: 'hours', amount: 48, from: 'stepOpened' },
      remindBeforeHours: 4,
      completingOutcomes: ['reached'],
      escalation: [
        { action: 'reassign', afterHours: 2, role: 'charge-nurse' },
        { action: 'raise-priority', afterHours: 6, priority: 'urgent' },
      ],
    },
    {
      key: 'visit',
      title: 'Visit',
      role: 'clinic',
      after: ['call'],
      clock: { kind: 'hours', amount: 1, from: 'stepOpened' },
      completingOutcomes: ['seen'],
    },
  ],
});

function open(extra: Partial<OpenStep> = {}): OpenStep {
  return {
    ...newStepRun('call', 'nurse'),
    status: 'open',
    openedAt: '2055-01-08T12:00:00.000Z',
    dueAt: DUE,
    ...extra,
  };
}

function active(steps: StepRun[], horizonAt?: string): ActiveState {
  return {
    status: 'active',
    trigger: 'discharge',
    startedAt: '2055-01-08T12:00:00.000Z',
    pathway: { id: 'test', version: 1 },
    horizonAt,
    episode: 'run-1',
    facts: [],
    steps,
    seen: [],
    eventsSeen: 1,
    seq: 0,
  };
}

const due = at(DUE);

describe('nextWakeUp', () => {
  it('wakes for the reminder first, then the deadline, then each rung', () => {
    expect(nextWakeUp(active([open()]), pathway)).toBe(due - hours(4));
    expect(nextWakeUp(active([open({ reminded: true })]), pathway)).toBe(due);
    expect(nextWakeUp(active([open({ reminded: true, breached: true })]), pathway)).toBe(due + hours(2));
    const second = open({ reminded: true, breached: true, rungsDone: 1 });
    expect(nextWakeUp(active([second]), pathway)).toBe(due + hours(6));
  });

  it('wakes for an outer bound or the horizon when they come first', () => {
    const bounded = open({ expiresAt: '2055-01-09T00:00:00.000Z' });
    expect(nextWakeUp(active([bounded]), pathway)).toBe(at('2055-01-09T00:00:00.000Z'));
    const horizon = '2055-01-01T00:00:00.000Z';
    expect(nextWakeUp(active([open()], horizon), pathway)).toBe(at(horizon));
  });

  it('has nothing to wake for when nothing is timed, paused, or without a pathway', () => {
    const done = open({ reminded: true, breached: true, rungsDone: 2 });
    expect(nextWakeUp(active([done]), pathway)).toBeUndefined();
    expect(nextWakeUp(active([newStepRun('call', 'nurse')]), pathway)).toBeUndefined();
    const paused: PausedState = { ...active([open()]), status: 'paused', pausedAt: DUE };
    expect(nextWakeUp(paused, pathway)).toBeUndefined();
    expect(nextWakeUp(active([open()]), undefined)).toBeUndefined();
  });
});

describe('dueClockActions', () => {
  it('returns what has come due, oldest first', () => {
    const run = open({ expiresAt: '2055-01-10T13:00:00.000Z' });
    const kinds = dueClockActions(active([run]), pathway, due + hours(3)).map((a) => a.kind);
    // the reminder's deadline has passed: the breach says it
    expect(kinds).toEqual(['breach', 'expire', 'rung']);
  });

  it('sends the reminder before the deadline, and nothing earlier', () => {
    const run = open();
    expect(dueClockActions(active([run]), pathway, due - hours(5))).toEqual([]);
    expect(dueClockActions(active([run]), pathway, due - hours(1))).toEqual([{ kind: 'remind', step: run }]);
  });

  it('names the rung to run and the outer bound of an expiry', () => {
    const run = open({ reminded: true, breached: true, rungsDone: 1, expiresAt: '2055-01-11T00:00:00.000Z' });
    expect(dueClockActions(active([run]), pathway, due + hours(24))).toEqual([
      { kind: 'rung', step: run, rung: pathway.steps[0].escalation[1], index: 1 },
      { kind: 'expire', step: run, expiresAt: '2055-01-11T00:00:00.000Z' },
    ]);
  });

  it('includes the horizon, and runs no clock while paused', () => {
    const horizon = '2055-01-01T00:00:00.000Z';
    expect(dueClockActions(active([], horizon), pathway, at(horizon))).toEqual([{ kind: 'horizon' }]);
    const paused: PausedState = { ...active([open()], horizon), status: 'paused', pausedAt: DUE };
    expect(dueClockActions(paused, pathway, due + hours(100))).toEqual([]);
  });
});
