import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseTheme, isThemeChoice, storedTheme, THEME_CHOICES } from '../theme/theme';

/** The header's colour switch (A11Y61): as on this device, light, dark or high contrast; kept in this browser. */
export function ThemePicker() {
  const { t } = useTranslation();
  const id = useId();
  const [choice, setChoice] = useState(storedTheme);
  return (
    <div className="theme-picker">
      <label htmlFor={id}>{t('theme.label')}</label>
      <select
        id={id}
        value={choice}
        onChange={(e) => {
          if (!isThemeChoice(e.target.value)) return;
          chooseTheme(e.target.value);
          setChoice(e.target.value);
        }}
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {t(`theme.choices.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
