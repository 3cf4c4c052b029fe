import { HARVEST_LIMITS, type CafeRound, type HarvestIdea, type HarvestTheme } from '@open-talks/shared';
import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IdeaCard } from './IdeaCard';

/** What a writer may do to a theme column; left out for readers and the projector. */
export interface ThemeEditing {
  themes: readonly HarvestTheme[];
  rename(name: string): void;
  mergeInto(themeId: string): void;
  remove: () => void;
  moveIdea(idea: HarvestIdea, themeId: string | null): void;
  /** The id of an idea's move control (stable across columns, so focus can follow a move). */
  selectId(idea: HarvestIdea): string;
}

export interface ThemeColumnProps {
  /** null: the unthemed column. */
  theme: HarvestTheme | null;
  ideas: readonly HarvestIdea[];
  rounds: readonly CafeRound[];
  tableLabel: (tableId: string | null) => string;
  editing?: ThemeEditing;
}

/** A theme (or the unthemed ideas) with its ideas under their round's question, in round then table order. */
export function ThemeColumn({ theme, ideas, rounds, tableLabel, editing }: ThemeColumnProps) {
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
      {theme && editing && <ThemeTools theme={theme} empty={ideas.length === 0} editing={editing} />}
      {ideas.length === 0 && <p className="muted">{theme ? t('harvest.themeEmpty') : t('harvest.allThemed')}</p>}
      {[...byRound].map(([round, list]) => (
        <div key={round} className="harvest-round">
          <h4>{roundHeading(t, round, rounds)}</h4>
          <ul className="plain-list">
            {list.map((idea) => (
              <IdeaCard
                key={idea.key}
                idea={idea}
                tableLabel={tableLabel(idea.tableId)}
                {...(editing && {
                  move: {
                    themes: editing.themes,
                    current: theme?.id ?? null,
                    selectId: editing.selectId(idea),
                    onMove: (themeId: string | null) => editing.moveIdea(idea, themeId),
                  },
                })}
              />
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

/** Rename, merge into another theme, delete when empty: each a small form, usable from the keyboard. */
function ThemeTools({ theme, empty, editing }: { theme: HarvestTheme; empty: boolean; editing: ThemeEditing }) {
  const { t } = useTranslation();
  const id = useId();
  const [renaming, setRenaming] = useState<string | null>(null);
  const others = editing.themes.filter((other) => other.id !== theme.id);
  const [target, setTarget] = useState('');
  const mergeTarget = others.some((o) => o.id === target) ? target : (others[0]?.id ?? '');

  function saveName(event: FormEvent) {
    event.preventDefault();
    if (renaming?.trim()) editing.rename(renaming);
    setRenaming(null);
  }

  if (renaming !== null) {
    return (
      <form className="inline-form harvest-tools" onSubmit={saveName}>
        <label htmlFor={`${id}-name`}>{t('harvest.themeName')}</label>
        <input
          id={`${id}-name`}
          value={renaming}
          maxLength={HARVEST_LIMITS.themeNameLength}
          onChange={(e) => setRenaming(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
          autoFocus
        />
        <button type="submit">{t('harvest.save')}</button>
        <button type="button" className="secondary" onClick={() => setRenaming(null)}>
          {t('harvest.cancel')}
        </button>
      </form>
    );
  }
  return (
    <div className="harvest-tools">
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => setRenaming(theme.name)} aria-label={t('harvest.renameTheme', { name: theme.name })}>
          {t('harvest.rename')}
        </button>
        {empty && (
          <button type="button" className="danger" onClick={editing.remove} aria-label={t('harvest.deleteTheme', { name: theme.name })}>
            {t('harvest.delete')}
          </button>
        )}
      </div>
      {others.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (mergeTarget) editing.mergeInto(mergeTarget);
          }}
        >
          <label htmlFor={`${id}-merge`}>{t('harvest.mergeInto')}</label>
          <select id={`${id}-merge`} value={mergeTarget} onChange={(e) => setTarget(e.target.value)}>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            {t('harvest.merge')}
          </button>
        </form>
      )}
    </div>
  );
}
