// The search box with suggestions as you type: products, brands and categories whose names start with the words
// typed, diacritics or not ("dien thoai" finds "Điện thoại"). Keyboard: arrows move, Enter opens, Escape closes.
import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useI18n } from '@goshop/shared';
import { graphql } from '../gql';

const SuggestionsQuery = graphql(`
  query StorefrontSuggestions($prefix: String!) {
    searchSuggestions(prefix: $prefix, first: 8) {
      text
      kind
      product { id }
      category { id }
    }
  }
`);

/** Waits for a pause in typing before asking: one request per pause, not per keystroke of a fast typist. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function SearchBox() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const prefix = useDebounced(text.trim(), 60);
  const listId = useId();
  const [{ data }] = useQuery({ query: SuggestionsQuery, variables: { prefix }, pause: prefix.length < 2, requestPolicy: 'cache-first' });
  const suggestions = prefix.length >= 2 ? (data?.searchSuggestions ?? []) : [];

  const expanded = open && suggestions.length > 0;
  type Suggestion = (typeof suggestions)[number];
  const go = (s: Suggestion) => {
    setOpen(false);
    if (s.kind === 'PRODUCT' && s.product) navigate(`/products/${s.product.id}`);
    else if (s.kind === 'CATEGORY' && s.category) navigate(`/search?category=${s.category.id}`);
    else navigate(`/search?q=${encodeURIComponent(s.text)}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOpen(false);
    if (active >= 0 && suggestions[active]) go(suggestions[active]);
    else if (text.trim()) navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, suggestions.length - 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setActive((a) => Math.max(a - 1, -1)); }
    // Escape first closes the list (the combobox pattern); only a second Escape lets the browser clear the box.
    else if (event.key === 'Escape' && expanded) { event.preventDefault(); setOpen(false); }
  };
  return (
    <form role="search" className="sf-search" onSubmit={submit}>
      <label htmlFor={`${listId}-input`} className="gs-visually-hidden">{t('search.label')}</label>
      <input id={`${listId}-input`} type="search" role="combobox" aria-expanded={expanded} aria-controls={listId} aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={t('search.placeholder')} value={text} autoComplete="off"
        onChange={(e) => { setText(e.target.value); setOpen(true); setActive(-1); }}
        onKeyDown={keys} onBlur={() => setTimeout(() => setOpen(false), 150)} onFocus={() => setOpen(true)} />
      <button type="submit" className="gs-button gs-button--secondary">{t('search.submit')}</button>
      <ul id={listId} role="listbox" className="sf-suggestions" hidden={!expanded} aria-label={t('search.suggestions')}>
        {suggestions.map((s, i) => (
          <li key={`${s.kind}-${s.text}-${i}`} id={`${listId}-${i}`} role="option" aria-selected={i === active}
            onMouseDown={(e) => { e.preventDefault(); go(s); }}>
            {s.text} <span className="gs-muted">{t(`search.kind.${s.kind}`)}</span>
          </li>
        ))}
      </ul>
    </form>
  );
}
