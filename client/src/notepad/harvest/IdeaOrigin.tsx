import { useTranslation } from 'react-i18next';

/** Where an idea comes from: "★ Marked by table 1, A" (said once, with the table) or just the table. */
export function IdeaOrigin({ marked, tableLabel }: { marked: boolean; tableLabel: string }) {
  const { t } = useTranslation();
  return marked ? (
    <span className="badge harvest-marked">
      <span aria-hidden="true">★ </span>
      {t('notepadWords.markedBy', { table: tableLabel })}
    </span>
  ) : (
    <span>{tableLabel}</span>
  );
}
