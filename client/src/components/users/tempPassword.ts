// No 0/O, 1/l/I: the password is read aloud or copied by hand.
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A random 12-character temporary password with letters and digits, as the server requires. */
export function temporaryPassword(length = 12): string {
  const all = LETTERS + DIGITS;
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  const chars = Array.from(bytes, (b) => all[b % all.length]!);
  chars[0] = LETTERS[bytes[0]! % LETTERS.length]!;
  chars[length - 1] = DIGITS[bytes[length - 1]! % DIGITS.length]!;
  return chars.join('');
}
