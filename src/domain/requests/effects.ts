/**
 * What approving a request does at once, by kind: the one table of approval effects, built here from the modules
 * that own each effect (nothing registers itself at import time, so an effect exists whether or not a route imported
 * its module). An effect that runs marks the request used, unless `keepsApproval`: then the effect only prepares
 * (opening an original re-seals that file's key to the requester) and the requester still uses the approval, once,
 * for the step itself (useApproval). Kinds absent here have no effect on approval.
 * @see CEL 2023 Art. 25–31; EU 2019/1937 Art. 16(3)
 */
import { shareOriginalKey } from '../cases/originals.ts';
import { discloseIdentity } from './disclose.ts';
import type { RequestKind } from '../approvals/kinds.ts';
import type { ApprovalEffect } from '../approvals/use.ts';

export interface ApprovalEffectEntry {
  effect: ApprovalEffect;
  keepsApproval: boolean;
}

export const APPROVAL_EFFECTS: Readonly<Partial<Record<RequestKind, ApprovalEffectEntry>>> = {
  // Approving a disclosure never runs without its re-sealing of the identity key to the requester.
  identity_disclosure: { effect: discloseIdentity, keepsApproval: false },
  open_original: { effect: shareOriginalKey, keepsApproval: true },
};
