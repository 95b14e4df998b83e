/**
 * The second step of signing in for a user with two-factor sign-in: the code field is shown only once the server
 * answers `totp_required` (or `totp_invalid`, a wrong code), and is then emptied and focused for the next code.
 */
import { useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';

/** The code field's state and ref, and `askForCode(failure)` for the catch of a sign-in request. */
export function useTotpStep() {
  const codeRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [needCode, setNeedCode] = useState(false);

  /**
   * Shows the code field, empty and focused, when `failure` is the server asking for a (new) code.
   * @returns the failure's id when it did so (`totp_required` or `totp_invalid`), else null
   */
  function askForCode(failure: unknown): 'totp_required' | 'totp_invalid' | null {
    const failureId = failure instanceof ApiError ? failure.id : '';
    if (failureId !== 'totp_required' && failureId !== 'totp_invalid') return null;
    setNeedCode(true);
    setCode('');
    setTimeout(() => codeRef.current?.focus(), 0);
    return failureId;
  }

  return { codeRef, code, setCode, needCode, setNeedCode, askForCode };
}
