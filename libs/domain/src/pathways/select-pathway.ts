import type { PathwayCriterion, PathwayDefinition } from './pathway';
import { currentPathways } from './pathway-registry';

/** What a pathway is chosen by: codes from the event, no identifiers. */
export interface TransitionFacts {
  trigger: 'discharge' | 'referral';
  patientClass?: string;
  disposition?: string;
  service?: string;
  /** ICD-10 codes, primary first. */
  diagnoses?: readonly string[];
  /** RF1-3 codes of the referrals the transition holds open (e.g. HOM: home care). */
  referralTypes?: readonly string[];
}

export type PathwaySelection =
  | { kind: 'pathway'; pathway: PathwayDefinition }
  | { kind: 'no-outreach'; reason: string }
  | { kind: 'no-pathway'; reason: string };

/** UB-04 discharge status codes for a patient who died (PV1-36): no outreach at all. */
export const EXPIRED_DISPOSITIONS: readonly string[] = ['20', '40', '41', '42'];

function matches(c: PathwayCriterion, facts: TransitionFacts): boolean {
  const primary = facts.diagnoses?.[0]?.toUpperCase();
  return (
    (!c.patientClasses ||
      (facts.patientClass !== undefined && c.patientClasses.includes(facts.patientClass))) &&
    (!c.dispositions || (facts.disposition !== undefined && c.dispositions.includes(facts.disposition))) &&
    (!c.services || (facts.service !== undefined && c.services.includes(facts.service.toUpperCase()))) &&
    (!c.primaryDiagnosisPrefixes ||
      (primary !== undefined &&
        c.primaryDiagnosisPrefixes.some((p) => primary.startsWith(p.toUpperCase())))) &&
    (!c.referralTypes ||
      (facts.referralTypes ?? []).some((t) =>
        c.referralTypes!.some((r) => r.toUpperCase() === t.toUpperCase()),
      ))
  );
}

/** The matching pathway of highest priority, or why there is none. */
export function selectPathway(
  facts: TransitionFacts,
  pathways: readonly PathwayDefinition[] = currentPathways(),
): PathwaySelection {
  if (facts.disposition && EXPIRED_DISPOSITIONS.includes(facts.disposition)) {
    return { kind: 'no-outreach', reason: 'patient-expired' };
  }
  const candidates = pathways
    .filter((p) => p.trigger === facts.trigger && p.appliesWhen.some((c) => matches(c, facts)))
    .sort((a, b) => b.priority - a.priority);
  if (candidates.length === 0) {
    return {
      kind: 'no-pathway',
      reason: `no pathway for class ${facts.patientClass ?? '-'} disposition ${facts.disposition ?? '-'}`,
    };
  }
  return { kind: 'pathway', pathway: candidates[0] };
}
