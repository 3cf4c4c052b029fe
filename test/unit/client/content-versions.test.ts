import { describe, expect, it } from 'vitest';
import { originalHash, type ContentVersions } from '../../../shared/src/domain/content/index.js';
import type { SessionState } from '../../../shared/src/protocol/index.js';
import { withContentVersions } from '../../../client/src/state/reducers/content.js';
import { shownText } from '../../../client/src/components/translated/useTranslated.js';

const question = 'What should change first?';
const arabic: ContentVersions = {
  key: 'cafe-round/1/question',
  originalLanguage: 'en',
  versions: [{ language: 'ar', text: 'ما الذي يجب أن يتغير أولاً؟', source: 'human', originalHash: originalHash(question), at: 1 }],
};
const live = { session: { id: 's', languages: ['en', 'ar'] }, content: [] } as unknown as SessionState;

describe('content versions in the live store', () => {
  it('LANG50: content:versions adds an entry, then replaces it by key', () => {
    const once = withContentVersions(live, arabic)!;
    expect(once.content).toEqual([arabic]);
    const corrected = { ...arabic, versions: [{ ...arabic.versions[0]!, text: 'سؤال مصحح' }] };
    expect(withContentVersions(once, corrected)!.content).toEqual([corrected]);
    expect(withContentVersions(undefined, arabic)).toBeUndefined();
  });

  it('LANG51: an Arabic reader sees the Arabic version, right to left; an English one the original', () => {
    const content = withContentVersions(live, arabic)!.content;
    expect(shownText(content, arabic.key, question, 'ar', 'en')).toMatchObject({ kind: 'translation', language: 'ar', dir: 'rtl', source: 'human', outdated: false });
    expect(shownText(content, arabic.key, question, 'en', 'en')).toMatchObject({ kind: 'original', text: question, language: 'en', dir: 'ltr' });
    // No version in French: the original, carrying its own language.
    expect(shownText(content, arabic.key, question, 'fr', 'en')).toMatchObject({ kind: 'original', language: 'en' });
  });

  it('LANG53: an edited original keeps its version, marked outdated; "Show original" gives the original', () => {
    const content = withContentVersions(live, arabic)!.content;
    expect(shownText(content, arabic.key, 'What should change now?', 'ar', 'en')).toMatchObject({ kind: 'translation', outdated: true });
    expect(shownText(content, arabic.key, question, 'ar', 'en', true)).toMatchObject({ kind: 'original', text: question, language: 'en' });
  });

  it('LANG54: a machine version in the store is shown, marked with its engine', () => {
    const machine: ContentVersions = {
      key: 'poll/p1/option:o1',
      originalLanguage: 'en',
      versions: [{ language: 'es', text: 'Acceso', source: 'machine', engine: 'apertium', originalHash: originalHash('Access'), at: 1 }],
    };
    expect(shownText([machine], machine.key, 'Access', 'es', 'en')).toMatchObject({ kind: 'translation', source: 'machine', engine: 'apertium' });
  });
});
