export { keys } from './keys';
export { SLOT, slotted } from './slot';
export { languageName, markText, Translated, TranslatedMark } from './Translated';
export { shownText, useShownText, useTranslated, viewerLanguage, type TranslatedText } from './useTranslated';
export { Bilingual } from './Bilingual';
