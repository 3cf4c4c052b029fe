import { groupHarvest, notepadRoomName } from '@open-talks/shared';
import type { CafePublicView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { tableName } from '../../components/cafe/table-name';
import { useNotepad } from '../useNotepad';
import { ThemeColumn } from './ThemeColumn';
import { useHarvest } from './useHarvest';

const PROJECTOR_COLOR = '#555555'; // the display shows no cursor; others' awareness lists it

/**
 * The room's big screen showing the harvest (HARV6): themes with their key ideas, then those not
 * yet themed, live as the facilitator and rapporteurs sort them. Read-only (NOTE4). A lazy chunk.
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
  );
  const tableLabel = (tableId: string | null) => {
    const table = live.tables.find((x) => x.id === tableId);
    return table ? tableName(t, table) : t('harvest.unknownTable');
  };
  return (
    <section className="harvest-projector" aria-labelledby="harvest-projector-heading" data-testid="harvest-projector">
      <h2 id="harvest-projector-heading">{t('harvest.heading')}</h2>
      {harvest.ideas.length === 0 && <p className="projector-status">{t('harvest.empty')}</p>}
      <div className="harvest-columns">
        {grouping.themes.map((theme) => (
          <ThemeColumn key={theme.id} theme={theme} ideas={theme.ideas} rounds={live.rounds} tableLabel={tableLabel} />
        ))}
        {grouping.unthemed.length > 0 && <ThemeColumn theme={null} ideas={grouping.unthemed} rounds={live.rounds} tableLabel={tableLabel} />}
      </div>
    </section>
  );
}
