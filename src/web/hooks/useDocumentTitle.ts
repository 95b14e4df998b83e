import { useEffect } from 'react';

/** Sets the tab title ("Cases — Confide staff"), which screen readers announce on navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Confide staff`;
  }, [title]);
}
