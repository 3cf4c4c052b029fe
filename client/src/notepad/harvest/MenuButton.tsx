import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export type MenuEntry = { label: string; onSelect: () => void; testId?: string } | { group: string; items: { label: string; onSelect: () => void }[] };

export interface MenuButtonProps {
  /** The button's visible words ("Actions"). */
  label: string;
  /** Its accessible name when the visible words alone would be ambiguous ("Actions for “Trust before tools”"). */
  ariaLabel: string;
  entries: readonly MenuEntry[];
  /** A stable id for the button, so focus can come back to it after its card moved (BOARD5). */
  buttonId?: string;
  /** Show "⋯" instead of the words (on a card, where room is short); the words stay its name and tooltip. */
  compact?: boolean;
}

/**
 * A menu button (WAI-ARIA APG "menu button"): the button opens a list of actions; arrow keys move
 * through them (Home and End too), Enter or Space chooses, Escape closes and gives the keyboard
 * back to the button, as does Tab (which then moves on) or a click elsewhere. BOARD5.
 */
export function MenuButton({ label, ariaLabel, entries, buttonId, compact = false }: MenuButtonProps) {
  const ownId = useId();
  const id = buttonId ?? `${ownId}-button`;
  const menuId = `${ownId}-menu`;
  const [open, setOpen] = useState<null | 'first' | 'last'>(null);
  const root = useRef<HTMLDivElement>(null);
  const items = () => [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(null);
    if (refocus) document.getElementById(id)?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const list = items();
    (open === 'last' ? list.at(-1) : list[0])?.focus();
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  function onMenuKey(event: KeyboardEvent) {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const go = (index: number) => list[(index + list.length) % list.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(list.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') return setOpen(null);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  const choose = (onSelect: () => void) => {
    close(true);
    onSelect();
  };
  const item = (entry: { label: string; onSelect: () => void; testId?: string }, key: string) => (
    <li key={key} role="none">
      <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(entry.onSelect)} data-testid={entry.testId} dir="auto">
        {entry.label}
      </button>
    </li>
  );

  return (
    <div className="board-menu" ref={root}>
      <button
        type="button"
        id={id}
        className={compact ? 'secondary board-menu-button compact' : 'secondary board-menu-button'}
        title={compact ? label : undefined}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(event.key === 'ArrowUp' ? 'last' : 'first');
          }
        }}
      >
        {compact ? <span aria-hidden="true">⋯</span> : label} {!compact && <span aria-hidden="true">▾</span>}
      </button>
      {open && (
        <ul role="menu" id={menuId} aria-labelledby={id} className="board-menu-list" onKeyDown={onMenuKey}>
          {entries.map((entry, index) =>
            'group' in entry ? (
              <li key={index} role="none">
                <ul role="group" aria-label={entry.group} className="board-menu-group">
                  <li role="presentation" aria-hidden="true" className="board-menu-group-label">
                    {entry.group}
                  </li>
                  {entry.items.map((sub, subIndex) => item(sub, `${index}-${subIndex}`))}
                </ul>
              </li>
            ) : (
              item(entry, String(index))
            ),
          )}
        </ul>
      )}
    </div>
  );
}
