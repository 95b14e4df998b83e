import { useId, type ReactNode } from 'react';

/** A titled region of a page (a landmark named by its h2); `id` makes it a target of section links. */
export function Section({
  title,
  className,
  id,
  children,
}: {
  title: string;
  className?: string;
  id?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={className} id={id}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
