import type { ReactNode } from 'react';

/**
 * What went wrong with the form just sent: a title and the reason, announced as an alert. `id` is for the
 * fields the reason is about (their `aria-describedby`); `level` keeps the heading in the page's order.
 */
export function FormError({
  title,
  id,
  level = 2,
  children,
}: {
  title: string;
  id?: string;
  level?: 2 | 3 | 4;
  children: ReactNode;
}) {
  const Heading = `h${level}` as const;
  return (
    <div className="error-summary" role="alert">
      <Heading className="error-summary__title">{title}</Heading>
      <p id={id}>{children}</p>
    </div>
  );
}
