import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Keeps keyboard focus inside a live list when it re-sorts (QA14): React moves list items with
 * insertBefore, and a focused element that is moved loses focus to the page. After each render,
 * if focus fell to the page, it goes back to the element inside the container that had it.
 * A person who moved focus away themselves (clicked elsewhere) is left alone.
 */
export function useKeepFocus<T extends HTMLElement>() {
  const container = useRef<T>(null);
  const last = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onIn = (event: FocusEvent) => {
      last.current = event.target instanceof HTMLElement ? event.target : null;
    };
    // Focus left on purpose: still nothing focused once this task is over (a move is fixed
    // by the layout effect below before that).
    const onOut = () => queueMicrotask(() => {
      if (!element.contains(document.activeElement)) last.current = null;
    });
    element.addEventListener('focusin', onIn);
    element.addEventListener('focusout', onOut);
    return () => {
      element.removeEventListener('focusin', onIn);
      element.removeEventListener('focusout', onOut);
    };
  }, []);
  useLayoutEffect(() => {
    const element = last.current;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && element?.isConnected && container.current?.contains(element)) element.focus({ preventScroll: true });
  });
  return container;
}
