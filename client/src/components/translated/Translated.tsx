import type { Shown } from '@open-talks/shared';
import type { TFunction } from 'i18next';
import type { ElementType } from 'react';
import { useTranslation } from 'react-i18next';
import { useTranslated, type TranslatedText } from './useTranslated';
import './translated.css';

/** "Arabic", "français": a BCP 47 tag's name in the interface language, or the tag itself. */
export function languageName(tag: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * LANG56: what the marker says of a version — "Translated from English", "Machine translation
 * (apertium)", "Outdated translation", joined; nothing for an original.
 */
export function markText(t: TFunction, shown: Shown, uiLanguage: string): string | null {
  if (shown.kind !== 'translation') return null;
  const from = languageName(shown.originalLanguage, uiLanguage);
  const parts = [
    shown.source === 'machine' ? (shown.engine ? t('translated.machine', { engine: shown.engine }) : t('translated.machinePlain')) : t('translated.from', { language: from }),
  ];
  if (shown.outdated) parts.push(t('translated.outdated'));
  return parts.join(' · ');
}

/**
 * The discreet line under a translated text (LANG56, LANG57): which version it is, and a button to
 * read the original (and back). Nothing for a text shown in its original language. `toggle`
 * false: the marker alone (the projector, where nobody presses anything).
 */
export function TranslatedMark({ of, toggle = true, className = '' }: { of: TranslatedText; toggle?: boolean; className?: string }) {
  const { t, i18n } = useTranslation();
  if (of.picked.kind !== 'translation') return null;
  const label = of.showingOriginal ? t('translated.original', { language: languageName(of.picked.originalLanguage, i18n.language) }) : markText(t, of.picked, i18n.language);
  return (
    <span className={`translated-mark ${className}`.trim()} data-testid="translated-mark">
      <span>{label}</span>
      {toggle && (
        <>
          {' '}
          <button type="button" className="link-button translated-toggle" onClick={() => of.setShowingOriginal(!of.showingOriginal)}>
            {of.showingOriginal ? t('translated.showTranslation') : t('translated.showOriginal')}
          </button>
        </>
      )}
    </span>
  );
}

/**
 * An organiser's text in the viewer's language when a version exists, else the original, with its
 * `lang` and `dir` (LANG51–LANG57): `<Translated k="cafe-round/2/question" text={question} as="p" />`.
 * The marker follows the text, inside `as` when `markInside` (inline places: a list item, a label).
 */
export function Translated({
  k,
  text,
  as: Tag = 'span',
  className,
  mark = true,
  toggle = true,
  markInside = false,
  id,
  tabIndex,
  showOriginal,
}: {
  k: string;
  text: string;
  as?: ElementType;
  className?: string;
  mark?: boolean;
  toggle?: boolean;
  markInside?: boolean;
  id?: string;
  /** For a heading that takes focus (-1). */
  tabIndex?: number;
  showOriginal?: boolean;
}) {
  const version = useTranslated(k, text, showOriginal === undefined ? {} : { showOriginal });
  const marker = mark && <TranslatedMark of={version} toggle={toggle} />;
  if (markInside) {
    return (
      <Tag className={className} id={id} tabIndex={tabIndex}>
        <span {...version.attrs}>{version.shown.text}</span> {marker}
      </Tag>
    );
  }
  return (
    <>
      <Tag className={className} id={id} tabIndex={tabIndex} {...version.attrs}>
        {version.shown.text}
      </Tag>
      {marker}
    </>
  );
}
