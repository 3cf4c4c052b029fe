import { groupHarvest, notepadRoomName, type HarvestIdea } from '@open-talks/shared';
import type { CafePublicView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { tableName } from '../../components/cafe/table-name';
import { useNotepad } from '../useNotepad';
import { useHarvest } from './useHarvest';
import { ideaLanguageAttrs } from '../idea-language';

const PROJECTOR_COLOR = '#555555'; // the display shows no cursor; others' awareness lists it

/**
 * The room's big screen showing the harvest (HARV6, PROJ14): themes as columns of cards, then the
 * ideas not yet themed, live as the facilitator and rapporteurs sort them. Read-only (NOTE4):
 * its own markup, with nothing to press, whatever the board's columns offer. A lazy chunk.
 */
export default function HarvestProjector({ sessionId, projectorKey, live }: { sessionId: string; projectorKey: string; live: CafePublicView }) {
  const { t } = useTranslation();
  const { connection } = useNotepad(notepadRoomName({ kind: 'harvest', sessionId }), projectorKey, { name: t('harvest.projector'), color: PROJECTOR_COLOR });
  const harvest = useHarvest(connection?.doc);
  const grouping = groupHarvest(
    harvest.ideas,
    harvest.themes,
    harvest.placement,
    live.tables.map((table) => table.id),
    // The board's order (BOARD1): the room sees the cards as the facilitator sorted them.
    harvest.order,
  );
  const tableLabel = (tableId: string | null) => {
    const table = live.tables.find((x) => x.id === tableId);
    return table ? tableName(t, table) : t('harvest.unknownTable');
  };
  const columns = [
    ...grouping.themes.map((theme) => ({ id: theme.id, name: theme.name, ideas: theme.ideas, unthemed: false })),
    ...(grouping.unthemed.length > 0 ? [{ id: 'unthemed', name: t('harvest.unthemed'), ideas: grouping.unthemed, unthemed: true }] : []),
  ];
  return (
    <section className="harvest-projector pj-harvest" aria-labelledby="harvest-projector-heading" data-testid="harvest-projector">
      <h2 id="harvest-projector-heading" className="pj-kicker">
        {t('harvest.heading')}
      </h2>
      {harvest.ideas.length === 0 && <p className="projector-status">{t('harvest.empty')}</p>}
      <div className="pj-harvest-columns" style={{ gridTemplateColumns: `repeat(${Math.min(Math.max(columns.length, 1), 5)}, minmax(0, 1fr))` }}>
        {columns.map((column) => (
          <section key={column.id} className={column.unthemed ? 'pj-theme pj-theme-unthemed' : 'pj-theme'} aria-labelledby={`pj-theme-${column.id}`} data-testid="harvest-column">
            <h3 id={`pj-theme-${column.id}`}>
              <bdi>{column.name}</bdi> <span className="pj-theme-count">{column.ideas.length}</span>
            </h3>
            <ul className="pj-cards">
              {column.ideas.map((idea) => (
                <Card key={idea.key} idea={idea} table={tableLabel(idea.tableId)} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

function Card({ idea, table }: { idea: HarvestIdea; table: string }) {
  const { t } = useTranslation();
  return (
    <li className={idea.marked ? 'pj-card pj-card-marked' : 'pj-card'} data-testid="harvest-idea" data-marked={idea.marked}>
      <p className="pj-card-text">
        <bdi {...ideaLanguageAttrs(idea.language, idea.text)}>{idea.text}</bdi>
      </p>
      <p className="pj-card-meta">
        {idea.marked && <span aria-hidden="true">★ </span>}
        {idea.marked ? t('notepadWords.markedBy', { table }) : table}
      </p>
    </li>
  );
}
