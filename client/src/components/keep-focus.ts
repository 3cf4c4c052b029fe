// THUI5: after a console action the keyboard must not be dropped on the page. An action often
// removes the very button that was pressed (Approve moves the question to another list, Give the
// floor takes the hand out of the queue, Start round turns into Pause), and the browser then
// puts focus on <body>. This notes where focus was before the action and, once the screen has
// the result, moves it somewhere predictable if it was lost.

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
/** A row that stays the same thing when it moves (a question, a hand): `data-question` / `data-hand`. */
const ROW = '[data-question], [data-hand]';

function firstFocusable(root: Element | null | undefined): HTMLElement | null {
  if (!root || !root.isConnected) return null;
  if (root instanceof HTMLElement && root.matches(FOCUSABLE)) return root;
  return root.querySelector<HTMLElement>(FOCUSABLE);
}

function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/**
 * Call before an action; call what it returns once the action's result is in the store. Focus
 * then goes, if it was lost: to the same row (found again by its id, wherever it moved), else to
 * the row now in its place (the next one), else to the group of buttons it was in, else to the
 * panel's heading.
 */
export function holdFocus(): () => void {
  const before = document.activeElement;
  if (!(before instanceof HTMLElement) || before === document.body) return () => undefined;
  const panel = before.closest<HTMLElement>('section.card, section.th-panel') ?? before.closest<HTMLElement>('section');
  const row = before.closest<HTMLElement>(ROW);
  const list = row?.parentElement ?? null;
  const index = row && list ? [...list.children].indexOf(row) : -1;
  const selector = row ? (row.dataset.question ? `[data-question="${CSS.escape(row.dataset.question)}"]` : `[data-hand="${CSS.escape(row.dataset.hand ?? '')}"]`) : null;
  const group = before.parentElement;
  return () => {
    // After React has put the result on screen (the store update renders before the next frame).
    requestAnimationFrame(() => {
      if (!focusLost()) return;
      const candidates: (Element | null | undefined)[] = [selector ? panel?.querySelector(selector) : null, list?.children[index], list?.children[index - 1], group];
      for (const candidate of candidates) {
        const target = firstFocusable(candidate);
        if (target) return target.focus();
      }
      const heading = panel?.querySelector<HTMLElement>('h2, h3');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    });
  };
}
