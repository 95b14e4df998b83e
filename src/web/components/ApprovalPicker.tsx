import type { GatedKind, UsableApproval } from '../../shared/actions.ts';
import { APPROVAL_TITLES } from '../lib/actions.ts';
import { formatDateTime } from '../lib/format.ts';

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
  const title = APPROVAL_TITLES[kind];
  if (approvals === null) return <p className="muted">Loading your approvals…</p>;
  if (approvals.length === 0)
    return (
      <p className="notice notice--info" id={`${id}-none`}>
        This needs an approved request “{title}” of yours on this case. Ask for one: a second person must approve it.
        Each approval is used once.
      </p>
    );
  return (
    <div className="field">
      <label htmlFor={id}>Approval</label>
      <select id={id} value={value} required onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`}>
        <option value="">Choose an approval</option>
        {approvals.map((a) => (
          <option key={a.id} value={a.id}>
            {title}, approved {formatDateTime(a.decidedAt)} (until {formatDateTime(a.expiresAt)})
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        A second person approved this request; it is used once, by this step.
      </p>
    </div>
  );
}
