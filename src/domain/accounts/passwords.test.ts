/** Staff password rules: length, and strength as zxcvbn-ts estimates it, with the person's own names as words. */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { checkNewPassword } from './passwords.ts';

const refusal = (password: string, userInputs: string[] = []) => {
  try {
    checkNewPassword(password, userInputs);
  } catch (error) {
    if (error instanceof DomainError) return [error.id, error.message];
    throw error;
  }
  return null;
};

describe('staff passwords', () => {
  it('refuses the weak passwords found accepted, saying why and what would do', () => {
    expect(refusal('aaaaaaaaaaaa')).toEqual([
      'weak_password',
      'This password is too easy to guess. Repeated characters like "aaa" are easy to guess. Add more words that are less common. Avoid repeated words and characters.',
    ]);
    expect(refusal('password1234')).toEqual([
      'weak_password',
      'This password is too easy to guess. This is similar to a commonly used password. Add more words that are less common.',
    ]);
    expect(refusal('qwertyuiop123')?.[0]).toBe('weak_password');
  });

  it('counts the person’s own username and name as words an attacker tries first', () => {
    expect(refusal('hedda.gabler2026', ['hedda.gabler', 'Hedda Gabler'])).toEqual([
      'weak_password',
      'This password is too easy to guess. There should not be any personal or page related data. Add more words that are less common.',
    ]);
    expect(refusal('hedda.gabler2026')).toBeNull();
  });

  it('accepts a few unrelated words, the tests’ password among them', () => {
    expect(refusal('correct horse battery staple', ['handler', 'Test handler'])).toBeNull();
    expect(refusal('my very own passphrase 2026')).toBeNull();
  });

  it('keeps the length rules', () => {
    expect(refusal('short one')).toEqual(['weak_password', 'The password needs at least 12 characters.']);
    expect(refusal('x'.repeat(1001))).toEqual(['long_password', 'The password may have at most 1000 characters.']);
    // A long random password is judged on its first 64 characters, and passes.
    expect(refusal('Vq8#tR2m!Lp9@zX4'.repeat(60))).toBeNull();
  });
});
