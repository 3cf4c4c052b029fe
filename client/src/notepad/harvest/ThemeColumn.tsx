import type { CafeRound, HarvestIdea, HarvestTheme } from '@open-talks/shared';
import type { TFunction } from 'i18next';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IdeaCard } from './IdeaCard';

export interface ThemeColumnProps {
  /** null: the unthemed column. */
  theme: HarvestTheme | null;
  ideas: readonly HarvestIdea[];
  rounds: readonly CafeRound[];
  tableLabel: (tableId: string | null) => string;
}

/**
 * A theme (or the unthemed ideas), read only (readers and the projector): its ideas under their
 * round's question, in the board's order within each round (BOARD1). Writers get BoardColumn.
 */
export function ThemeColumn({ theme, ideas, rounds, tableLabel }: ThemeColumnProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const byRound = new Map<number, HarvestIdea[]>();
  for (const idea of ideas) byRound.set(idea.round, [...(byRound.get(idea.round) ?? []), idea]);
  const name = theme ? theme.name : t('harvest.unthemed');
  return (
    <section className={theme ? 'harvest-column' : 'harvest-column unthemed'} aria-labelledby={headingId} data-testid="harvest-column">
      <h3 id={headingId} dir="auto">
        {name} <span className="muted">({ideas.length})</span>
      </h3>
      {ideas.length === 0 && <p className="muted">{theme ? t('harvest.themeEmpty') : t('harvest.allThemed')}</p>}
      {[...byRound].map(([round, list]) => (
        <div key={round} className="harvest-round">
          <h4>{roundHeading(t, round, rounds)}</h4>
          <ul className="plain-list">
            {list.map((idea) => (
              <IdeaCard key={idea.key} idea={idea} tableLabel={tableLabel(idea.tableId)} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** "Question of round 2: …", the question isolated so a question in another script keeps its own direction. */
function roundHeading(t: TFunction, round: number, rounds: readonly CafeRound[]): ReactNode {
  const question = rounds.find((r) => r.number === round)?.question;
  if (!question) return t('harvest.roundN', { round });
  return (
    <>
      {t('run.question', { round })}: <bdi>{question}</bdi>
    </>
  );
}
