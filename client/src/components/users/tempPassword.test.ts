import { describe, expect, it } from '@jest/globals';
import { temporaryPassword } from './tempPassword';

describe('temporaryPassword', () => {
  it('When a password is made, then it starts with a letter, ends with a digit and avoids look-alike characters', () => {
    for (let i = 0; i < 50; i++) {
      const p = temporaryPassword();
      expect(p).toHaveLength(12);
      expect(p).toMatch(/^[a-zA-Z][a-zA-Z0-9]{10}[2-9]$/);
      expect(p).not.toMatch(/[01OIl]/);
    }
  });
});
