import { bundleToEvent } from './bundle-to-event';
import { peekOrigin } from './message-origin';
import { FhirInputError } from './operation-outcome';
import { readNotification } from './read-notification';
import { notificationBundle } from './testing/notification-bundle';

function failure(body: unknown): FhirInputError {
  try {
    bundleToEvent(readNotification(typeof body === 'string' ? body : JSON.stringify(body)));
  } catch (error) {
    if (error instanceof FhirInputError) return error;
    throw error;
  }
  throw new Error('expected a FhirInputError');
}

describe('readNotification and bundleToEvent: refusals', () => {
  it('refuses an event it does not handle as not-supported on the eventCoding', () => {
    const error = failure(notificationBundle({ event: 'notification-lab-result' }));
    expect(error.status).toBe(422);
    expect(error.issues[0]).toMatchObject({
      code: 'not-supported',
      expression: ['Bundle.entry[0].resource.eventCoding'],
    });
  });

  it('calls an absent eventCoding required', () => {
    const error = failure(notificationBundle({ header: { eventCoding: undefined } }));
    expect(error.issues[0]).toMatchObject({
      code: 'required',
      expression: ['Bundle.entry[0].resource.eventCoding'],
    });
  });

  it('answers 400 for a body that is not JSON or not a message Bundle', () => {
    expect(failure('{not json')).toMatchObject({ status: 400, code: 'structure' });
    const collection = { ...notificationBundle(), type: 'collection' };
    expect(failure(collection).issues[0]).toMatchObject({ code: 'invalid', expression: ['Bundle.type'] });
    expect(failure({ resourceType: 'Patient' }).status).toBe(400);
  });

  it('needs the focus to be an Encounter in the Bundle and its subject a Patient', () => {
    expect(
      failure(notificationBundle({ header: { focus: [{ reference: 'Encounter/missing' }] } })).issues[0],
    ).toMatchObject({
      code: 'required',
      expression: ['Bundle.entry[0].resource.focus'],
    });
    expect(
      failure(notificationBundle({ encounter: { subject: { reference: 'Organization/riverside' } } }))
        .issues[0],
    ).toMatchObject({
      code: 'required',
      expression: ['Bundle.entry[1].resource.subject'],
    });
  });

  it('needs a visit number and times with an offset', () => {
    expect(failure(notificationBundle({ encounter: { identifier: [] } })).issues[0]).toMatchObject({
      code: 'required',
      expression: ['Bundle.entry[1].resource.identifier'],
    });
    expect(
      failure(notificationBundle({ encounter: { period: { start: '2026-11-10T08:25:00' } } })).issues[0],
    ).toMatchObject({
      code: 'invalid',
      expression: ['Bundle.entry[1].resource.period.start'],
    });
  });

  it('still finds the sender and id of a message it refuses, for the quarantine row', () => {
    const body = JSON.stringify(notificationBundle({ event: 'notification-lab-result' }));
    expect(peekOrigin(body)).toEqual({
      sender: 'https://ehr.riverside.example/fhir',
      controlId: 'bundle-1',
      messageType: 'notification-lab-result',
    });
    expect(peekOrigin('{not json')).toBeUndefined();
  });
});
