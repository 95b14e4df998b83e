import { useId, useState, type FormEvent } from 'react';
import type { CreatedUser } from '../../shared/accounts.ts';
import { ROLES, type Role } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { ROLE_LABELS } from '../lib/labels.ts';
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
  const api = useApi();
  const id = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [email, setEmail] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!username.trim()) return refuse('Enter a username.');
    if (!role) return refuse('Choose a role.');
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
      return `Created the account "${created.user.username}".`;
    }, 'The account could not be created. Try again.');
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label="Add a staff account" noValidate>
      <div className="field">
        <label htmlFor={`${id}-username`}>Username</label>
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
          2–64 lower-case letters, digits, dots, dashes or underscores.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Full name</label>
        <input
          id={`${id}-name`}
          autoComplete="off"
          maxLength={200}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
          <option value="">Choose a role</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>E-mail for work notices (optional)</label>
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
          Notices say only that work is waiting, never what.
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        Create account
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
