import { useEffect, useState } from 'react';

/** THUI9: wider than a tablet (1024 px landscape included): the live panels side by side. */
export const WIDE = '(min-width: 1100px)';

/** Whether the viewport matches a media query, following changes (a tablet turned round). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof window !== 'undefined' && window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}
