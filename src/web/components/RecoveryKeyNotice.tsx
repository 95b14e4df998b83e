import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  recoveryKey: string;
  /** The person has written the key down: go on. */
  onDone: () => void;
}

/**
 * The recovery key of an account just activated, shown this once to its owner (never to an administrator): it is
 * stored nowhere and restores the account after a lost password.
 */
export function RecoveryKeyNotice({ recoveryKey, onDone }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="recovery-key notice--info" ref={ref} tabIndex={-1} role="group" aria-label={t('recoveryKey.label')}>
      <p>{t('recoveryKey.active')}</p>
      <p>
        <code className="secret-key">{recoveryKey}</code>
      </p>
      <p>
        <strong>{t('recoveryKey.onlyTime')}</strong> {t('recoveryKey.keepSafe')}
      </p>
      <button type="button" className="button" onClick={onDone}>
        {t('recoveryKey.continue')}
      </button>
    </div>
  );
}
