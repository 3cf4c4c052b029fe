import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useMediaQuery, WIDE } from './use-wide';
import './townhall-console.css';

export interface Panel {
  id: string;
  /** The tab's label: the panel's name with what waits there, in words ("Questions (waiting: 4)"). */
  label: ReactNode;
  /** Which column it takes on a wide screen. */
  column: 1 | 2;
  node: ReactNode;
}

/**
 * THUI9: the live panels as WAI-ARIA tabs on a tablet (arrow keys, Home, End; selection follows
 * focus; every panel stays mounted, so a half-typed caption or an open form survives a switch),
 * and side by side in two columns on a wide screen. One panel is shown as it is.
 */
export function PanelTabs({ panels, label, idPrefix }: { panels: readonly Panel[]; label: string; idPrefix: string }) {
  const wide = useMediaQuery(WIDE);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const tabs = useRef<HTMLDivElement>(null);
  const selected = panels.find((p) => p.id === chosen)?.id ?? panels[0]?.id;
  if (panels.length === 0) return null;
  if (panels.length === 1) return <div className="th-panels th-panels-one">{panels[0]!.node}</div>;
  if (wide) {
    return (
      <div className="th-panels th-panels-wide">
        {([1, 2] as const).map((column) => (
          <div key={column} className="th-panels-column">
            {panels
              .filter((p) => p.column === column)
              .map((p) => (
                <div key={p.id} className="th-panel-slot" data-panel={p.id}>
                  {p.node}
                </div>
              ))}
          </div>
        ))}
      </div>
    );
  }
  const tabId = (id: string) => `${idPrefix}-tab-${id}`;
  const panelId = (id: string) => `${idPrefix}-panel-${id}`;
  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = panels.length - 1;
    // In Arabic the tabs run right to left, and so do the arrows.
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let to: number;
    if (event.key === forward) to = index === last ? 0 : index + 1;
    else if (event.key === back) to = index === 0 ? last : index - 1;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = last;
    else return;
    event.preventDefault();
    const id = panels[to]!.id;
    setChosen(id);
    tabs.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(id))}`)?.focus();
  }
  return (
    <div className="th-panels th-panels-tabbed">
      <div className="th-tabs" role="tablist" aria-label={label} ref={tabs}>
        {panels.map((p, index) => (
          <button
            key={p.id}
            type="button"
            role="tab"
            id={tabId(p.id)}
            aria-controls={panelId(p.id)}
            aria-selected={p.id === selected}
            tabIndex={p.id === selected ? 0 : -1}
            className="th-tab"
            onClick={() => setChosen(p.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {p.label}
          </button>
        ))}
      </div>
      {panels.map((p) => (
        <div key={p.id} role="tabpanel" id={panelId(p.id)} aria-labelledby={tabId(p.id)} hidden={p.id !== selected} className="th-tabpanel" data-panel={p.id}>
          {p.node}
        </div>
      ))}
    </div>
  );
}
