// The series' settings as form fields, for making a series (Home) and changing it (the console).
import { ATTRIBUTIONS, LANGUAGES, LIMITS, type Attribution, type Language } from '@open-talks/shared';
import { useTranslation } from 'react-i18next';

export interface SeriesFieldValues {
  title: string;
  topic: string;
  languages: Language[];
  attribution: Attribution;
  originalLanguage: Language;
}

// Like the app's inputs (styles.css); inline, because Home does not load the console's stylesheet.
const TEXTAREA = { font: 'inherit', inlineSize: '100%', padding: '0.5rem', border: '1px solid #767676', borderRadius: '4px' } as const;

// SERIES_LIMITS.topicLength (shared/src/protocol/series.ts), written here so Home does not load the protocol module.
const TOPIC_LENGTH = 2000;

interface Props {
  idPrefix: string;
  values: SeriesFieldValues;
  onChange: (values: SeriesFieldValues) => void;
  titleMissing: boolean;
}

export function SeriesFields({ idPrefix, values, onChange, titleMissing }: Props) {
  const { t } = useTranslation();
  const set = (change: Partial<SeriesFieldValues>) => onChange({ ...values, ...change });
  const toggleLanguage = (language: Language, on: boolean) => {
    const languages = on ? LANGUAGES.filter((l) => l === language || values.languages.includes(l)) : values.languages.filter((l) => l !== language);
    // The original language stays one of the languages (SER21): it follows the first one left.
    const originalLanguage = languages.includes(values.originalLanguage) ? values.originalLanguage : (languages[0] ?? values.originalLanguage);
    set({ languages, originalLanguage });
  };
  return (
    <>
      <label htmlFor={`${idPrefix}-title`}>{t('seriesCore.fields.title')}</label>
      <input
        id={`${idPrefix}-title`}
        required
        maxLength={LIMITS.titleLength}
        value={values.title}
        aria-invalid={titleMissing}
        aria-describedby={`${idPrefix}-title-error`}
        onChange={(e) => set({ title: e.target.value })}
      />
      <p id={`${idPrefix}-title-error`} className="form-error" role="alert">
        {titleMissing ? t('errors.required') : ''}
      </p>

      <label htmlFor={`${idPrefix}-topic`}>{t('seriesCore.fields.topic')}</label>
      <textarea id={`${idPrefix}-topic`} rows={3} style={TEXTAREA} maxLength={TOPIC_LENGTH} value={values.topic} onChange={(e) => set({ topic: e.target.value })} />

      <fieldset aria-describedby={`${idPrefix}-languages-error`}>
        <legend>{t('seriesCore.fields.languages')}</legend>
        <div className="choice-grid">
          {LANGUAGES.map((l) => (
            <label key={l} className="choice" lang={l}>
              <input type="checkbox" checked={values.languages.includes(l)} onChange={(e) => toggleLanguage(l, e.target.checked)} />
              {t(`words.languageName.${l}`)}
            </label>
          ))}
        </div>
        <p id={`${idPrefix}-languages-error`} className="form-error" role="alert">
          {values.languages.length === 0 ? t('errors.chooseLanguage') : ''}
        </p>
      </fieldset>

      <label htmlFor={`${idPrefix}-original`}>{t('seriesCore.fields.originalLanguage')}</label>
      <select id={`${idPrefix}-original`} value={values.originalLanguage} onChange={(e) => set({ originalLanguage: e.target.value as Language })}>
        {values.languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`words.languageName.${l}`)}
          </option>
        ))}
      </select>

      <fieldset aria-describedby={`${idPrefix}-attribution-hint`}>
        <legend>{t('seriesCore.fields.attribution')}</legend>
        {ATTRIBUTIONS.map((a) => (
          <label key={a} className="choice">
            <input type="radio" name={`${idPrefix}-attribution`} value={a} checked={values.attribution === a} onChange={() => set({ attribution: a })} />
            {t(`words.attribution.${a}`)}
          </label>
        ))}
        <p id={`${idPrefix}-attribution-hint`} className="hint">
          {t('seriesCore.fields.attributionHint')}
        </p>
      </fieldset>
    </>
  );
}
