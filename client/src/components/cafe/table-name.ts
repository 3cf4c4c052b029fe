import type { TableSummary } from '@open-talks/shared/protocol';
import type { TFunction } from 'i18next';

/** "table 7" when the label is just its number, else "table 7, Lotus". */
export function tableName(t: TFunction, table: Pick<TableSummary, 'number' | 'label'>): string {
  return table.label === String(table.number) ? t('run.tableN', { n: table.number }) : t('run.tableNamed', { n: table.number, label: table.label });
}

/** A table's kind in words; a hub's own table (SEAT11) says so rather than "virtual". */
export function tableKindName(t: TFunction, table: Pick<TableSummary, 'kind' | 'hub'>): string {
  return table.hub ? t('cafe.hubTable') : t(`cafe.kinds.${table.kind}`);
}
