import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../crypto/sodium.ts';
import {
  matchTotpCode,
  mustEnrol,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpCode,
  totpEnrolment,
  totpQrSvg,
  totpStateOf,
  totpStep,
} from './totp.ts';

// RFC 6238 Appendix B: the SHA-1 seed, whose 8-digit codes end in these 6 digits.
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');

describe('TOTP (RFC 6238)', () => {
  it('gives the RFC 6238 test vectors (last 6 of the 8 digits)', () => {
    expect(totpCode(RFC_SEED, new Date(59_000))).toBe('287082');
    expect(totpCode(RFC_SEED, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCode(RFC_SEED, new Date(1_234_567_890_000))).toBe('005924');
    expect(totpStep(new Date(59_000))).toBe(1);
  });

  it('accepts the current step and one step of drift either way, naming the step; not two', () => {
    const at = new Date('2026-03-02T10:00:15Z');
    const step = totpStep(at);
    const codeAt = (s: number) => totpCode(RFC_SEED, new Date(s * 30_000));
    expect(matchTotpCode(RFC_SEED, codeAt(step), at)).toBe(step);
    expect(matchTotpCode(RFC_SEED, codeAt(step - 1), at)).toBe(step - 1);
    expect(matchTotpCode(RFC_SEED, codeAt(step + 1), at)).toBe(step + 1);
    expect(matchTotpCode(RFC_SEED, codeAt(step - 2), at)).toBeNull();
    expect(matchTotpCode(RFC_SEED, codeAt(step + 2), at)).toBeNull();
  });

  it('ignores spaces and dashes, and refuses anything but six digits', () => {
    const at = new Date('2026-03-02T10:00:15Z');
    const code = totpCode(RFC_SEED, at);
    expect(matchTotpCode(RFC_SEED, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBe(totpStep(at));
    expect(matchTotpCode(RFC_SEED, `${code.slice(0, 3)}-${code.slice(3)}`, at)).toBe(totpStep(at));
    expect(matchTotpCode(RFC_SEED, `${code}0`, at)).toBeNull();
    expect(matchTotpCode(RFC_SEED, 'abcdef', at)).toBeNull();
    expect(matchTotpCode(RFC_SEED, '', at)).toBeNull();
  });

  it('gives an otpauth URI and a base32 secret that an authenticator app reads back to the same codes', () => {
    const secret = newTotpSecret();
    expect(secret).toHaveLength(20);
    const { uri, secret: base32 } = totpEnrolment(secret, 'alice');
    expect(uri).toMatch(
      /^otpauth:\/\/totp\/Confide:alice\?issuer=Confide&secret=[A-Z2-7]{32}&algorithm=SHA1&digits=6&period=30$/,
    );
    expect(base32).toMatch(/^[A-Z2-7]{32}$/);
    const app = new TOTP({ secret: Secret.fromBase32(base32) });
    const at = new Date('2026-03-02T10:00:15Z');
    expect(app.generate({ timestamp: at.getTime() })).toBe(totpCode(secret, at));
  });

  it('draws the URI as an SVG QR code with no script or external reference', async () => {
    const svg = await totpQrSvg(totpEnrolment(newTotpSecret(), 'alice').uri);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script|href=|url\(/i);
  });

  it('opens a sealed secret only with the owner’s key pair', () => {
    const owner = generateKeyPair();
    const other = generateKeyPair();
    const secret = newTotpSecret();
    const sealed = sealTotpSecret(owner.publicKey, secret);
    expect(sealed).toHaveLength(68);
    expect(openTotpSecret(owner.publicKey, owner.secretKey, sealed).equals(secret)).toBe(true);
    expect(() => openTotpSecret(other.publicKey, other.secretKey, sealed)).toThrow('sealed box does not open');
  });

  it('says who must set TOTP up: a required role without it', () => {
    const deps = { accounts: { totpRequiredRoles: ['handler', 'supervisor'] as const } };
    const state = (role: string, enabled: boolean, sealed: boolean) =>
      totpStateOf(deps, {
        role,
        totp_enabled_at: enabled ? '2026-03-02T10:00:00.000Z' : null,
        totp_sealed_secret: sealed ? Buffer.alloc(68) : null,
      });
    expect(state('handler', false, false)).toEqual({ enabled: false, pending: false, required: true });
    expect(state('handler', false, true)).toEqual({ enabled: false, pending: true, required: true });
    expect(state('handler', true, true)).toEqual({ enabled: true, pending: false, required: true });
    expect(state('custodian', false, false)).toEqual({ enabled: false, pending: false, required: false });
    expect(mustEnrol(state('handler', false, true))).toBe(true);
    expect(mustEnrol(state('handler', true, true))).toBe(false);
    expect(mustEnrol(state('custodian', false, false))).toBe(false);
  });
});
