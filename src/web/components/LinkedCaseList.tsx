import type { z } from 'zod';
import type { LinkView } from '../../shared/api.ts';
import { linkKindLabel } from '../lib/labels.ts';
import { casePath } from '../router/routes.ts';
import { Link } from './Link.tsx';
import { useTranslation } from 'react-i18next';

type LinkItem = z.output<typeof LinkView>;

interface Props {
  links: LinkItem[];
  /** The id of the link being removed, if any. */
  busyId: string | null;
  onUnlink: (link: LinkItem) => void;
}

/** The cases linked to this one; of each pair, the one received first is marked (it leads, the other follows). */
export function LinkedCaseList({ links, busyId, onUnlink }: Props) {
  const { t } = useTranslation();
  if (links.length === 0) return <p className="muted">{t('linkedCases.none')}</p>;
  return (
    <ul className="linked-cases">
      {links.map((link) => (
        <li key={link.id} className="linked-case">
          <span>
            <Link href={casePath(link.id)}>{link.reference}</Link> · {linkKindLabel(link.kind)}{' '}
            {link.thisIsFirst ? (
              <span className="muted">{t('linkedCases.thisFirst')}</span>
            ) : (
              <span className="badge badge--first">{t('linkedCases.otherFirst')}</span>
            )}
          </span>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onUnlink(link)}
            aria-disabled={busyId === link.id}
          >
            {t('linkedCases.unlink')}
            <span className="visually-hidden"> {link.reference}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
