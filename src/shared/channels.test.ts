import { describe, expect, it } from 'vitest';
import { channelProtection } from './channels.ts';

describe('channelProtection', () => {
  it("gives the profile's own words where it has them, the default for the kind otherwise", () => {
    const phone = { kind: 'phone', label: 'Hotline', value: '+00 1' } as const;
    expect(channelProtection(phone)?.exposes).toBe(
      'Your phone company keeps a record that you called this number, and staff may see your number. Call from a phone not linked to you if that matters.',
    );
    expect(channelProtection({ ...phone, exposes: 'Calls are recorded by the exchange.' })).toEqual({
      protects:
        'What you say is written down and sealed at once; you get a receipt to follow up without giving your name.',
      exposes: 'Calls are recorded by the exchange.',
    });
  });
});
