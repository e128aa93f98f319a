import { definePathway } from '../pathway';
import { TCM_HORIZON, tcmSteps } from './tcm-steps';

/** Transitional Care Management after an inpatient discharge home, moderate complexity (CPT 99495). */
export const tcmDischargeHome = definePathway({
  id: 'tcm-discharge-home',
  version: 2,
  title: 'Discharge to home (TCM, moderate complexity)',
  trigger: 'discharge',
  priority: 10,
  appliesWhen: [{ patientClasses: ['I'], dispositions: ['01'] }],
  onReadmission: 'close',
  horizon: TCM_HORIZON,
  steps: tcmSteps(14),
});

/**
 * High complexity (CPT 99496): visit within 7 days. The diagnosis list is a starting point for
 * the clinical owners to tune; it is data, so changing it needs no workflow code.
 */
export const tcmDischargeHomeHigh = definePathway({
  id: 'tcm-discharge-home-high',
  version: 1,
  title: 'Discharge to home (TCM, high complexity)',
  trigger: 'discharge',
  priority: 15,
  appliesWhen: [
    {
      patientClasses: ['I'],
      dispositions: ['01'],
      primaryDiagnosisPrefixes: ['I50', 'I21', 'J44', 'N18', 'A41'],
    },
  ],
  onReadmission: 'close',
  horizon: TCM_HORIZON,
  steps: tcmSteps(7),
});
