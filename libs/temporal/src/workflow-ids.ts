/** Business key of a care transition; starting one that already runs is success, not an error. */
export function transitionWorkflowId(facility: string, visitNumber: string): string {
  return `transition:${facility}:${visitNumber}`;
}
