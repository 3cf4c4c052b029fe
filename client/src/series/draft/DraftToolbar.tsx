// SER47: the draft's toolbar, a WAI-ARIA toolbar (one tab stop, arrow keys between its buttons).
// Each button edits the text only; the numbering follows from it.
import { ANNEX_LINE, STATS_LINE } from '@open-talks/shared/series';
import type { EditorView } from '@codemirror/view';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { insertBlock, toggleHeading, toggleItem } from './edits';

export function DraftToolbar({ view, disabled }: { view: EditorView | null; disabled: boolean }) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const actions: { key: string; run: (v: EditorView) => void }[] = [
    { key: 'heading1', run: (v) => toggleHeading(v, 1) },
    { key: 'heading2', run: (v) => toggleHeading(v, 2) },
    { key: 'item', run: toggleItem },
    { key: 'stats', run: (v) => insertBlock(v, STATS_LINE) },
    { key: 'annex', run: (v) => insertBlock(v, ANNEX_LINE) },
  ];
  const move = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -actions.length, End: actions.length }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    // Arrows follow reading order in right-to-left pages too.
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl' && Math.abs(step) === 1;
    const next = Math.min(actions.length - 1, Math.max(0, active + (rtl ? -step : step)));
    setActive(next);
    buttons.current[next]?.focus();
  };
  return (
    <div role="toolbar" aria-label={t('seriesDraft.toolbar.label')} className="button-row draft-toolbar" onKeyDown={move}>
      {actions.map((action, n) => (
        <button
          key={action.key}
          ref={(el) => {
            buttons.current[n] = el;
          }}
          type="button"
          className="secondary"
          tabIndex={n === active ? 0 : -1}
          disabled={disabled || !view}
          onFocus={() => setActive(n)}
          onClick={() => view && action.run(view)}
          data-testid={`draft-tool-${action.key}`}
        >
          {t(`seriesDraft.toolbar.${action.key}`)}
        </button>
      ))}
    </div>
  );
}
