import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedUser } from '../../shared/accounts.ts';
import { ROLES, type Role } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { isolate } from '../lib/isolate.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  onCreated: (created: CreatedUser) => void;
}

/**
 * Creates a staff account by invitation: no password and no keys yet. The answer is the first of two one-time
 * invitation codes, which the administrator hands over in person; another administrator approves and hands over the
 * second. The person chooses their own password with both on the sign-in page, and only they see their recovery
 * key. Nothing typed is lost when the server refuses.
 */
export function UserCreateForm({ onCreated }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [email, setEmail] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!username.trim()) return refuse(t('userCreateForm.enterUsername'));
    if (!role) return refuse(t('userCreateForm.chooseRole'));
    await run(async () => {
      const created = await api.createUser({
        username: username.trim(),
        role,
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
      });
      setUsername('');
      setDisplayName('');
      setRole('');
      setEmail('');
      onCreated(created);
      return t('userCreateForm.created', { username: isolate(created.user.username) });
    }, t('userCreateForm.failed'));
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label={t('userCreateForm.label')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-username`}>{t('userCreateForm.username')}</label>
        <input
          id={`${id}-username`}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-describedby={`${id}-username-hint`}
        />
        <p id={`${id}-username-hint`} className="hint">
          {t('userCreateForm.usernameHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('userCreateForm.fullName')}</label>
        <input
          id={`${id}-name`}
          autoComplete="off"
          maxLength={200}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('userCreateForm.role')}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
          <option value="">{t('userCreateForm.pickRole')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`userRoles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('userCreateForm.email')}</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="off"
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-describedby={`${id}-email-hint`}
        />
        <p id={`${id}-email-hint`} className="hint">
          {t('userCreateForm.emailHint')}
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {t('userCreateForm.submit')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
