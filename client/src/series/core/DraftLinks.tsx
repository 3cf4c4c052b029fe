import type { Language } from '@open-talks/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/** SER34: the draft in the original language, and each other language's translation room. */
export function DraftLinks({ seriesId, languages, originalLanguage }: { seriesId: string; languages: Language[]; originalLanguage: Language }) {
  const { t } = useTranslation();
  const others = languages.filter((l) => l !== originalLanguage);
  return (
    <nav aria-label={t('seriesCore.document.draftNav')}>
      <ul className="plain-list">
        <li>
          <Link href={`/series/${seriesId}/draft`}>{t('seriesCore.document.draft')}</Link> <span className="muted">({t(`words.languageName.${originalLanguage}`)})</span>
        </li>
        {others.map((l) => (
          <li key={l}>
            <Link href={`/series/${seriesId}/draft/${l}`}>{t('seriesCore.document.translation', { language: t(`words.languageName.${l}`) })}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
