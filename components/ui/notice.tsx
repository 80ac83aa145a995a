type Query = Record<string, string | string[] | undefined>;

/**
 * The notice a page shows after a form sent the browser back to it: `?saved=<key>` and `?error=<key>` name
 * fixed texts of the page; anything else in the URL shows nothing, so a link cannot put its own words on a
 * signed-in page.
 */
export function Notice({
  query,
  saved = {},
  errors = {},
}: {
  query: Query;
  saved?: Readonly<Record<string, string>>;
  errors?: Readonly<Record<string, string>>;
}) {
  const pick = (table: Readonly<Record<string, string>>, key: unknown) =>
    typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
  const done = pick(saved, query.saved);
  const failed = pick(errors, query.error);
  return (
    <>
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      {failed ? (
        <p className="notice notice--error" role="alert">
          {failed}
        </p>
      ) : null}
    </>
  );
}
