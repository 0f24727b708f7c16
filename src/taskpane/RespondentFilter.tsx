import { Field, Input } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { RespondentResult } from '../model/responseAnalysis';

/** How many respondents a list shows at once: a long document is found by name, not scrolled. */
export const SHOWN_AT_ONCE = 40;

/**
 * The respondents a list shows: those whose name or category holds the query, in document order,
 * up to SHOWN_AT_ONCE, and always those named in `pinned` (a figure typed for them stays in view).
 */
export function useRespondentWindow(results: readonly RespondentResult[], pinned: ReadonlySet<string>) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = (r: RespondentResult) => q === '' || r.respondent.name.toLowerCase().includes(q) || r.respondent.category.toLowerCase().includes(q);
    let room = SHOWN_AT_ONCE;
    return results.filter((r) => pinned.has(r.respondent.id) || (matches(r) && room-- > 0));
  }, [results, pinned, query]);
  const filter =
    results.length > SHOWN_AT_ONCE ? (
      <Field label="Find a respondent" hint={`Showing ${shown.length.toLocaleString('en-GB')} of ${results.length.toLocaleString('en-GB')}; type part of a name or category to find others. Every respondent is imported.`}>
        <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} />
      </Field>
    ) : null;
  return { shown, filter };
}
