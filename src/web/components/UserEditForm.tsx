/**
 * Changes a staff member's role, the categories they work on, and the address their notice mails go to. A role or
 * category change waits for a second administrator when there is one (the answer says so); with one
 * administrator it applies at once and is audited.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserListItem } from '../../shared/accounts.ts';
import { ROLES, type Role } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { useCategories } from '../hooks/useCategories.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { roleLabel } from '../lib/labels.ts';
import { FormFeedback } from './FormFeedback.tsx';

export function UserEditForm({ users, onChanged }: { users: UserListItem[]; onChanged: (user: UserListItem) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const { categories } = useCategories();
  const [userId, setUserId] = useState('');
  const user = users.find((u) => u.id === userId);
  const [role, setRole] = useState<Role | ''>('');
  const [email, setEmail] = useState('');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, error, notice, run, refuse } = useSubmit();

  function pick(next: string) {
    setUserId(next);
    const u = users.find((x) => x.id === next);
    setRole(u?.role ?? '');
    setEmail(u?.email ?? '');
    setAll(u?.categories === null);
    setChosen(u?.categories ?? []);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!user || !role) return refuse(t('userEdit.choose'));
    await run(async () => {
      const said: string[] = [];
      if ((email.trim() || null) !== user.email) {
        onChanged((await api.setUserEmail(user.id, email.trim() || null)).user);
        said.push(t('userEdit.emailSaved'));
      }
      const categoriesNow = all ? null : [...chosen].sort();
      if (JSON.stringify(categoriesNow) !== JSON.stringify(user.categories)) {
        const result = await api.setUserCategories(user.id, categoriesNow);
        onChanged(result.user);
        said.push(result.outcome === 'pending' ? t('userEdit.categoriesWaiting') : t('userEdit.categoriesSaved'));
      }
      if (role !== user.role) {
        const result = await api.setUserRole(user.id, role);
        onChanged(result.user);
        said.push(result.outcome === 'pending' ? t('userEdit.roleWaiting') : t('userEdit.roleSaved'));
      }
      return said.length > 0 ? said.join(' ') : t('userEdit.nothing');
    }, t('userEdit.failed'));
  }

  return (
    <form className="case-form" onSubmit={submit} aria-label={t('userEdit.label')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-user`}>{t('userEdit.who')}</label>
        <select id={`${id}-user`} value={userId} onChange={(e) => pick(e.target.value)}>
          <option value="">{t('userEdit.chooseWho')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName} · {roleLabel(u.role)}
            </option>
          ))}
        </select>
      </div>
      {user ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('userEdit.role')}</label>
            <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('userEdit.email')}</label>
            <input
              id={`${id}-email`}
              type="email"
              dir="ltr"
              autoComplete="off"
              value={email}
              maxLength={254}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <fieldset className="choice choice--column">
            <legend>{t('userEdit.categories')}</legend>
            <label className="radio">
              <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
              {t('userEdit.allCategories')}
            </label>
            {all
              ? null
              : categories.map((c) => (
                  <label className="radio" key={c.id}>
                    <input
                      type="checkbox"
                      checked={chosen.includes(c.id)}
                      onChange={(e) =>
                        setChosen((list) => (e.target.checked ? [...list, c.id] : list.filter((x) => x !== c.id)))
                      }
                    />
                    <bdi>{c.title}</bdi>
                  </label>
                ))}
          </fieldset>
          <p className="hint">{t('userEdit.approvalHint')}</p>
          <button type="submit" className="button" aria-disabled={busy}>
            {t('userEdit.save')}
          </button>
        </>
      ) : null}
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
