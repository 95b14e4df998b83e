/** The CSRF token check: only the session's own token, as one string, passes. */
import { describe, expect, it } from 'vitest';
import { randomKey } from '../../crypto/sodium.ts';
import { csrfTokenFor, csrfTokenMatches } from './sessions.ts';

describe('csrfTokenMatches', () => {
  const deps = { serverSecret: randomKey() };
  const token = csrfTokenFor(deps, 'session-a');

  it('accepts the session token', () => {
    expect(csrfTokenMatches(deps, 'session-a', token)).toBe(true);
  });

  it('refuses another session token, a near miss, a prefix, a repeated header and no token', () => {
    const nearMiss = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    for (const given of [
      csrfTokenFor(deps, 'session-b'),
      nearMiss,
      token.slice(0, -1),
      `${token}A`,
      [token],
      undefined,
      '',
    ])
      expect(csrfTokenMatches(deps, 'session-a', given)).toBe(false);
  });
});
