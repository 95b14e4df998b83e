/**
 * What each published channel protects and what it does not, as told to the public beside each channel on the
 * landing page: a reporter chooses a channel knowing what it reveals (a call reveals the number to the carrier,
 * e-mail is not anonymous, a letter without a return address is). A profile may give its own words per channel
 * (`protects`, `exposes` in src/shared/profile.ts); these are the defaults.
 * @see Directive (EU) 2019/1937 Art. 9(1)(a), 13 (clear information on the channels); REQUIREMENTS.md #2
 */
import type { Channel } from './api.ts';
import type { PublishedChannel } from './profile.ts';

export interface ChannelProtection {
  protects: string;
  exposes: string;
}

const DEFAULTS: Partial<Record<Channel, ChannelProtection>> = {
  web: {
    protects:
      'The connection is encrypted, your IP address is not recorded, and you follow up with a receipt instead of your name.',
    exposes:
      'Your internet provider, or the network you use, can see that you visited this site. Tor Browser, on a network that is not your employer’s, hides that.',
  },
  phone: {
    protects:
      'What you say is written down and sealed at once; you get a receipt to follow up without giving your name.',
    exposes:
      'Your phone company keeps a record that you called this number, and staff may see your number. Call from a phone not linked to you if that matters.',
  },
  post: {
    protects:
      'A letter without a return address does not say who sent it. Scanned pages are cleaned of hidden data and sealed.',
    exposes:
      'The postmark shows where and when the letter was posted; handwriting, fingerprints and printer marks can point to you.',
  },
  email: {
    protects: 'The message is sealed when it arrives; your address is kept only with your sealed identity details.',
    exposes:
      'E-mail is not anonymous: your address, your mail provider and the time you sent it are visible to the mail servers on the way. Use the web form, or an address not linked to you.',
  },
  in_person: {
    protects: 'Staff write your report down and seal it at once; you get a receipt and may stay anonymous.',
    exposes: 'Staff and other visitors see you, and the building may record who comes in.',
  },
};

/** The channel's own words where the profile gives them, else the default for its kind; null for a kind without one. */
export function channelProtection(channel: PublishedChannel): ChannelProtection | null {
  const fallback = DEFAULTS[channel.kind];
  const protects = channel.protects ?? fallback?.protects;
  const exposes = channel.exposes ?? fallback?.exposes;
  return protects && exposes ? { protects, exposes } : null;
}
