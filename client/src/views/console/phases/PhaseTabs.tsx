import type { ConsolePhase } from '@open-talks/shared';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const phaseTabId = (phase: ConsolePhase) => `console-phase-tab-${phase}`;
export const PHASE_PANEL_ID = 'console-phase-panel';

/**
 * The console's phases as tabs (CONSOLE4), the WAI-ARIA tabs pattern with manual activation:
 * Tab reaches the selected tab, the arrow keys (and Home, End) move between tabs, Enter or Space
 * opens one. The phase the session is in carries a "now" mark, in words.
 */
export function PhaseTabs({
  phases,
  phase,
  auto,
  onChoose,
  label,
}: {
  phases: readonly ConsolePhase[];
  phase: ConsolePhase;
  auto: ConsolePhase;
  onChoose: (phase: ConsolePhase) => void;
  /** A format's own names for its phases (a consultation's, CONS50); else `consolePhase.*`. */
  label?: (phase: ConsolePhase) => string;
}) {
  const { t, i18n } = useTranslation();
  const list = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const tabs = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    // Right to left, the arrow that points forward in reading order is the left one.
    const rtl = i18n.dir() === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number;
    if (event.key === forward) next = (at + 1) % tabs.length;
    else if (event.key === back) next = (at - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    tabs[next]?.focus();
  }

  return (
    <div className="console-phase-bar">
      <div ref={list} role="tablist" aria-label={t('consolePhase.tabsLabel')} className="console-phase-tabs" onKeyDown={onKeyDown}>
        {phases.map((p, i) => (
          <button
            key={p}
            type="button"
            role="tab"
            id={phaseTabId(p)}
            aria-selected={p === phase}
            aria-controls={PHASE_PANEL_ID}
            tabIndex={p === phase ? 0 : -1}
            className="console-phase-tab"
            onClick={() => onChoose(p)}
          >
            <span className="console-phase-step" aria-hidden="true">
              {i + 1}
            </span>
            {label ? label(p) : t(`consolePhase.${p}`)}
            {p === auto && <span className="console-phase-now">{t('consolePhase.now')}</span>}
          </button>
        ))}
      </div>
    </div>
  );
}
