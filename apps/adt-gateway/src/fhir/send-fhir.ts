import type { Response } from 'express';

/** Answers with a FHIR resource as application/fhir+json (serialized here, not by Express's json). */
export function sendFhir(res: Response, status: number, resource: object): void {
  res.status(status).type('application/fhir+json').send(JSON.stringify(resource));
}
