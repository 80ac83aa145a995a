'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * How many rows are chosen for the bulk form around it. It also marks the form (`data-chosen`), which the
 * stylesheet hides while nothing is chosen: without JavaScript the form is never marked and stays in view.
 */
export function ChosenCount({ form }: { form: string }) {
  const [count, setCount] = useState<number | null>(null);
  const self = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const owner = self.current?.closest('form');
    const update = () => {
      const n = document.querySelectorAll(`input[name=ids][form="${form}"]:checked`).length;
      setCount(n);
      owner?.setAttribute('data-chosen', String(n));
    };
    update();
    document.addEventListener('change', update);
    // A page restored from the back/forward cache keeps its ticked boxes without a change event.
    window.addEventListener('pageshow', update);
    return () => {
      document.removeEventListener('change', update);
      window.removeEventListener('pageshow', update);
    };
  }, [form]);
  return (
    <span ref={self} className="bulk-bar__count">
      {count === null ? 'With the chosen:' : `${count} chosen:`}
    </span>
  );
}
