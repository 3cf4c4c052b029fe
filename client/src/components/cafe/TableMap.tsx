import type { TableSummary } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { tableKindName, tableName } from './table-name';

const KIND_MARK = { 'in-room': '▣', remote: '◎', hybrid: '◈' } as const;
const HUB_MARK = '⌂';

/** Which table is which and how full, for the room to find its way (projector, participants). */
export function TableMap({ tables, highlight }: { tables: readonly TableSummary[]; highlight?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="table-map" aria-label={t('run.tableMap')}>
      {tables.map((table) => (
        <li key={table.id} className={`table-tile${table.id === highlight ? ' table-tile-mine' : ''}`} aria-current={table.id === highlight ? 'location' : undefined}>
          <span className="table-tile-name">{tableName(t, table)}</span>
          <span className="table-tile-kind">
            <span aria-hidden="true">{table.hub ? HUB_MARK : KIND_MARK[table.kind]} </span>
            {tableKindName(t, table)}
          </span>
          <span className="table-tile-fill">{t('run.seatsTaken', { seated: table.seated, capacity: table.capacity })}</span>
          {table.id === highlight && <span className="table-tile-you">{t('run.yourTable')}</span>}
        </li>
      ))}
    </ul>
  );
}
