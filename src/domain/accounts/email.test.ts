import { describe, expect, it } from 'vitest';
import { checkEmail } from './email.ts';

describe('staff e-mail addresses', () => {
  it('takes one plain address, trimmed; empty means none', () => {
    expect(checkEmail(' alice@agency.example ')).toBe('alice@agency.example');
    expect(checkEmail('a.b+notices@sub.agency.example')).toBe('a.b+notices@sub.agency.example');
    expect(checkEmail('')).toBeNull();
    expect(checkEmail(undefined)).toBeNull();
  });

  it('refuses anything that could add a header or a recipient', () => {
    for (const bad of [
      'alice',
      'alice@',
      '@agency.example',
      'alice@agency.example, bob@agency.example',
      'Alice <alice@agency.example>',
      'alice@agency.example\r\nBcc: eve@evil.example',
      'a@b@c',
      `${'a'.repeat(250)}@b.example`,
    ])
      expect(() => checkEmail(bad)).toThrow(expect.objectContaining({ id: 'invalid_email' }));
  });
});
