import type { GatedKind, UsableApproval } from '../../shared/actions.ts';
import { approvalTitle } from '../lib/actions.ts';
import { formatDateTime } from '../lib/format.ts';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  kind: GatedKind;
  /** The viewer's usable approvals of this kind (null while loading). */
  approvals: UsableApproval[] | null;
  value: string;
  onChange: (requestId: string) => void;
}

/**
 * Picks the approved request a gated step uses (two-person rule), or says that one is needed and how to get it.
 * The first approval is the default choice, since most steps have exactly one waiting.
 */
export function ApprovalPicker({ id, kind, approvals, value, onChange }: Props) {
  const { t } = useTranslation();
  const title = approvalTitle(kind);
  if (approvals === null) return <p className="muted">{t('approvalPicker.loading')}</p>;
  if (approvals.length === 0)
    return (
      <p className="notice notice--info" id={`${id}-none`}>
        {t('approvalPicker.needed', { title })}
      </p>
    );
  return (
    <div className="field">
      <label htmlFor={id}>{t('approvalPicker.label')}</label>
      <select id={id} value={value} required onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`}>
        <option value="">{t('approvalPicker.choose')}</option>
        {approvals.map((a) => (
          <option key={a.id} value={a.id}>
            {t('approvalPicker.option', {
              title,
              approved: formatDateTime(a.decidedAt),
              until: formatDateTime(a.expiresAt),
            })}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {t('approvalPicker.hint')}
      </p>
    </div>
  );
}
