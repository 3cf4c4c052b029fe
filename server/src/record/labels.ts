// The record's words on the server (REC11): the UI catalogs, read by dotted key.
import { recordLabelsFrom, type Language, type RecordLabels, type Translate } from '@open-talks/shared';
import ar from '@open-talks/shared/i18n/ar.json' with { type: 'json' };
import en from '@open-talks/shared/i18n/en.json' with { type: 'json' };
import es from '@open-talks/shared/i18n/es.json' with { type: 'json' };
import fr from '@open-talks/shared/i18n/fr.json' with { type: 'json' };
import ru from '@open-talks/shared/i18n/ru.json' with { type: 'json' };
import zh from '@open-talks/shared/i18n/zh.json' with { type: 'json' };

const CATALOGS: Record<Language, unknown> = { ar, en, es, fr, ru, zh };

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A catalog lookup in one language (the record and the consultation's public page). */
export function translator(language: Language): Translate {
  return (key, values = {}) => {
    // The catalog test keeps every language complete; English is the safety net all the same.
    const text = lookup(CATALOGS[language], key) ?? lookup(CATALOGS.en, key) ?? key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? ''));
  };
}

export function recordLabels(language: Language): RecordLabels {
  return recordLabelsFrom(language, translator(language));
}
