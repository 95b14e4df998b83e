import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation, UserListItem } from '../../shared/accounts.ts';
import { formatDateTime } from '../lib/format.ts';
import { BdiText } from './BdiText.tsx';

interface Props {
  user: UserListItem;
  code: Invitation;
  /** first: the issuing administrator's code (new account, new code); second: the approving administrator's. */
  part: 'first' | 'second';
  /** The administrator has written the code down: hide it for good. */
  onDone: () => void;
}

/**
 * One of an invitation's two one-time codes, shown this once to the administrator who holds it (only its hash is
 * stored). Each administrator hands their code to the named person in person, never to each other: the person
 * activates the account with both on the sign-in page and chooses their own password, so neither administrator
 * alone can activate it.
 */
export function InvitationNotice({ user, code, part, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const isolated = { name: user.displayName, username: user.username };
  const values = { until: formatDateTime(code.expiresAt, { locale: i18n.language }) };
  return (
    <div
      className="recovery-key notice--info"
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-label={t(part === 'first' ? 'invitationNotice.firstLabel' : 'invitationNotice.secondLabel')}
    >
      <p>
        <BdiText
          k={part === 'first' ? 'invitationNotice.firstIntro' : 'invitationNotice.secondIntro'}
          isolated={isolated}
        />
      </p>
      <p>
        <code className="secret-key">{code.code}</code>
      </p>
      <p>
        <strong>{t('invitationNotice.onlyTime')}</strong>{' '}
        <BdiText
          k={part === 'first' ? 'invitationNotice.firstHandOver' : 'invitationNotice.secondHandOver'}
          isolated={isolated}
          values={values}
        />
      </p>
      <button type="button" className="button" onClick={onDone}>
        {t('invitationNotice.done')}
      </button>
    </div>
  );
}
