import { failureReason } from './failure-reason';

describe('failureReason', () => {
  it('keeps class, code and sentence, and scrubs the value an error quotes back', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "MRN-77"'), { code: '22P02' });
    const reason = failureReason(error);
    expect(reason).toBe('Error (22P02): invalid input syntax for type uuid: "[redacted]"');
  });

  it('bounds its length', () => {
    expect(failureReason(new Error('x'.repeat(900)), 100)).toHaveLength(100);
  });
});
