/**
 * The case view's actions: one button per action, each opening its form in the side panel on demand. One panel
 * shows at a time; a panel opened once stays mounted while hidden, so text typed in it is not lost when another
 * opens. The open panel is kept in the address (#panel=status), so reloading or going back keeps it. Escape or
 * the close button closes it and gives focus back to its button.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ActionPanel {
  id: string;
  title: string;
  /** A short state shown on the button (e.g. "waiting"), so that nothing important hides behind a closed panel. */
  badge?: string | null | undefined;
  content: ReactNode;
}

const HASH = /^#panel=([a-z-]+)$/;

function panelInHash(): string | null {
  return HASH.exec(window.location.hash)?.[1] ?? null;
}

export function CaseActionPanel({ panels, label }: { panels: readonly ActionPanel[]; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(() => {
    const id = panelInHash();
    return panels.some((p) => p.id === id) ? id : null;
  });
  const [mounted, setMounted] = useState<ReadonlySet<string>>(() => new Set(open ? [open] : []));
  const headings = useRef(new Map<string, HTMLHeadingElement | null>());
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const focusOnOpen = useRef(false);

  useEffect(() => {
    const onHash = () => {
      const id = panelInHash();
      const known = panels.some((p) => p.id === id);
      setOpen(known ? id : null);
      if (known && id) {
        focusOnOpen.current = true;
        setMounted((m) => new Set([...m, id]));
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [panels]);

  useEffect(() => {
    if (open && focusOnOpen.current) headings.current.get(open)?.focus();
    focusOnOpen.current = false;
  }, [open]);

  function show(id: string | null) {
    const url = `${window.location.pathname}${window.location.search}${id ? `#panel=${id}` : ''}`;
    window.history.replaceState(window.history.state, '', url);
    if (id) {
      focusOnOpen.current = true;
      setMounted((m) => new Set([...m, id]));
    } else if (open) {
      buttons.current.get(open)?.focus();
    }
    setOpen(id);
  }

  return (
    <aside className="case-actions" aria-label={label}>
      <ul className="case-actions__buttons">
        {panels.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              ref={(el) => {
                buttons.current.set(p.id, el);
              }}
              className={open === p.id ? 'case-action case-action--open' : 'case-action'}
              aria-expanded={open === p.id}
              aria-controls={`panel-${p.id}`}
              onClick={() => show(open === p.id ? null : p.id)}
            >
              <span>{p.title}</span>
              {p.badge ? <span className="badge badge--unread">{p.badge}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {panels
        .filter((p) => mounted.has(p.id))
        .map((p) => (
          <section
            key={p.id}
            id={`panel-${p.id}`}
            className="case-panel"
            hidden={open !== p.id}
            aria-labelledby={`panel-${p.id}-h`}
            onKeyDown={(e) => {
              if (e.key === 'Escape') show(null);
            }}
          >
            <div className="case-panel__head">
              <h2
                id={`panel-${p.id}-h`}
                tabIndex={-1}
                ref={(el) => {
                  headings.current.set(p.id, el);
                }}
              >
                {p.title}
              </h2>
              <button type="button" className="button button--secondary" onClick={() => show(null)}>
                {t('caseLayout.close')}
                <span className="visually-hidden">: {p.title}</span>
              </button>
            </div>
            {p.content}
          </section>
        ))}
    </aside>
  );
}
