export * from './workflow-safe';
export { assertPathwaysValid, pathwayIssues, pathwaySchema } from './pathways/pathway.schema';
