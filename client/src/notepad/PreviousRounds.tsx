import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import NotepadPanel, { type NotepadPanelProps } from './NotepadPanel';

type Props = Omit<NotepadPanelProps, 'round' | 'readOnly' | 'title' | 'canCurate'> & { tableId: string; currentRound: number };

/**
 * The table's earlier rounds, read-only, so the host can brief newcomers (issue 4). A round's
 * notepad connects only once its disclosure is opened: nobody downloads notes they do not read.
 */
export default function PreviousRounds(props: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const rounds = Array.from({ length: Math.max(0, props.currentRound - 1) }, (_, i) => i + 1);
  if (rounds.length === 0) return null;
  const { currentRound: _current, ...panel } = props;
  return (
    <section className="card previous-rounds" aria-label={t('notepad.previous.heading')}>
      <h2>{t('notepad.previous.heading')}</h2>
      {rounds.map((round) => (
        <details key={round} onToggle={(e) => e.currentTarget.open && setOpen((s) => new Set(s).add(round))}>
          <summary>{t('notepad.previous.round', { round })}</summary>
          {open.has(round) && <NotepadPanel {...panel} round={round} readOnly title={t('notepad.previous.round', { round })} />}
        </details>
      ))}
    </section>
  );
}
