import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';

/** How long a new view may take to show its heading (its chunk and its data on a slow link). */
const WAIT_MS = 15_000;

function focusLost(before: Element | null): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected || active === before;
}

/**
 * A11Y20–A11Y22: after the client router changes view, focus goes to the new view's h1 (focusable
 * from script only) and its title is said in a polite region, so a screen reader hears where it
 * is and the keyboard starts from the top of the view, never from <body>. The first page load is
 * left to the browser. If the new view has already put focus somewhere (a form field), it stays.
 */
export function RouteFocus() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const first = useRef(true);
  // The words in the language of the moment, without a language change counting as a change of view.
  const translate = useRef(t);
  translate.current = t;
  // Numbered, so coming back to a view with the same title says it again (a new node).
  const [said, setSaid] = useState({ text: '', n: 0 });
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    const before = document.activeElement;
    // The new view's heading once it is on screen: while its chunk or data loads there is none,
    // and the old view, kept hidden by Suspense meanwhile, does not count (its box is gone).
    const tryFocus = (): boolean => {
      const heading = [...main.querySelectorAll<HTMLElement>('h1')].find((h) => h.getClientRects().length > 0);
      if (!heading) return false;
      const text = translate.current('announce.route', { title: heading.textContent?.trim() ?? '' });
      setSaid((last) => ({ text, n: last.n + 1 }));
      if (focusLost(before)) {
        heading.tabIndex = -1;
        heading.focus();
      }
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) stop();
    });
    const giveUp = setTimeout(() => {
      stop();
      // A view without a heading: the main region, never <body>.
      if (focusLost(before)) main.focus();
    }, WAIT_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(giveUp);
    };
    observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'hidden', 'class'] });
    return stop;
  }, [location]);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="route-announcer">
      {said.text && <span key={said.n}>{said.text}</span>}
    </p>
  );
}
