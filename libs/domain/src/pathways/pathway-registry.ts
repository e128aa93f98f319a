import { dischargeHomeHealth } from './definitions/home-health.pathway';
import { mentalHealthFollowUp } from './definitions/mental-health.pathway';
import { referralScheduling } from './definitions/referral.pathway';
import { tcmDischargeHome, tcmDischargeHomeHigh } from './definitions/tcm-discharge-home.pathway';
import type { PathwayDefinition } from './pathway';

/** Every version still able to run: a transition keeps the version it started with. */
export const PATHWAYS: readonly PathwayDefinition[] = [
  tcmDischargeHome,
  tcmDischargeHomeHigh,
  dischargeHomeHealth,
  mentalHealthFollowUp,
  referralScheduling,
];

export function findPathway(id: string, version: number): PathwayDefinition {
  const found = PATHWAYS.find((p) => p.id === id && p.version === version);
  if (!found) throw new Error(`unknown pathway ${id} v${version}`);
  return found;
}

/** The newest version of each pathway: what a new transition is matched against. */
export function currentPathways(all: readonly PathwayDefinition[] = PATHWAYS): PathwayDefinition[] {
  const newest = new Map<string, PathwayDefinition>();
  for (const p of all) if ((newest.get(p.id)?.version ?? 0) < p.version) newest.set(p.id, p);
  return [...newest.values()];
}
