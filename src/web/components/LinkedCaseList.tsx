import type { z } from 'zod';
import type { LinkView } from '../../shared/api.ts';
import { LINK_KIND_LABELS } from '../lib/labels.ts';
import { casePath } from '../router/routes.ts';
import { Link } from './Link.tsx';

type LinkItem = z.output<typeof LinkView>;

interface Props {
  links: LinkItem[];
  /** The id of the link being removed, if any. */
  busyId: string | null;
  onUnlink: (link: LinkItem) => void;
}

/** The cases linked to this one; of each pair, the one received first is marked (it leads, the other follows). */
export function LinkedCaseList({ links, busyId, onUnlink }: Props) {
  if (links.length === 0) return <p className="muted">No linked cases.</p>;
  return (
    <ul className="linked-cases">
      {links.map((link) => (
        <li key={link.id} className="linked-case">
          <span>
            <Link href={casePath(link.id)}>{link.reference}</Link> · {LINK_KIND_LABELS[link.kind]}{' '}
            {link.thisIsFirst ? (
              <span className="muted">(this case was received first)</span>
            ) : (
              <span className="badge badge--first">First received</span>
            )}
          </span>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onUnlink(link)}
            aria-disabled={busyId === link.id}
          >
            Unlink<span className="visually-hidden"> {link.reference}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
