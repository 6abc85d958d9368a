import { describe, expect, it } from '@jest/globals';
import { newAttemptKey, payloadFromScan } from './scan';

describe('reading the kiosk code', () => {
  it('When the camera reads the kiosk URL, then the payload is its `c` parameter', () => {
    expect(payloadFromScan(' https://zhiban.example/checkin?c=abc.def-123 ')).toBe('abc.def-123');
  });

  it('When a URL has no payload, then nothing is read', () => {
    expect(payloadFromScan('https://example.com/other')).toBeNull();
  });

  it('When a bare payload is read, then it is accepted only if it looks like one', () => {
    expect(payloadFromScan('abcdef.123456')).toBe('abcdef.123456');
    expect(payloadFromScan('short')).toBeNull();
    expect(payloadFromScan('has some spaces in it')).toBeNull();
  });

  it('When two attempts are made, then their keys differ', () => {
    expect(newAttemptKey()).not.toBe(newAttemptKey());
  });
});
