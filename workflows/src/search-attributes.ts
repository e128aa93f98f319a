import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { CareTransitionInput } from './care-transition.messages';
import { openSteps, type CarriedState } from './transition-state';

/** Dashboard fields: pathway, facility, current step, due time, breached. Codes only, no PHI. */
export function searchAttributePublisher(input: CareTransitionInput, state: CarriedState): () => void {
  let last = '';
  return () => publish();

  function publish(): void {
    if (!state.pathway) return;
    const open = openSteps(state.steps);
    const values = {
      CtPathway: state.pathway.id,
      CtFacility: input.facility,
      CtStep: open[0]?.key ?? 'none',
      CtBreached: state.steps.some((s) => s.breached),
      CtDueAt: open[0]?.dueAt,
    };
    const key = JSON.stringify(values);
    if (key === last) return;
    last = key;
    const pairs = [
      { key: { name: 'CtPathway', type: 'KEYWORD' }, value: values.CtPathway },
      { key: { name: 'CtFacility', type: 'KEYWORD' }, value: values.CtFacility },
      { key: { name: 'CtStep', type: 'KEYWORD' }, value: values.CtStep },
      { key: { name: 'CtBreached', type: 'BOOL' }, value: values.CtBreached },
      ...(values.CtDueAt
        ? [{ key: { name: 'CtDueAt', type: 'DATETIME' }, value: new Date(values.CtDueAt) }]
        : []),
    ] as SearchAttributeUpdatePair[];
    upsertSearchAttributes(pairs);
  }
}
