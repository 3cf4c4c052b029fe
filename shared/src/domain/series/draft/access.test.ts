import { describe, expect, it } from 'vitest';
import { draftAccess } from './access.js';
import { titleFromRecord } from './title.js';

const series = { id: 's1', languages: ['en', 'fr'] as const };

describe('SER41 who may write a draft', () => {
  it('SER41 the series’ members write its drafts in its languages only', () => {
    expect(draftAccess({ seriesId: 's1', role: 'rapporteur', removed: false }, series, { seriesId: 's1', language: 'fr' })).toEqual({ access: 'write' });
    expect(draftAccess({ seriesId: 's1', role: 'facilitator', removed: false }, series, { seriesId: 's1', language: 'en' })).toEqual({ access: 'write' });
    expect(draftAccess({ seriesId: 's1', role: 'rapporteur', removed: false }, series, { seriesId: 's1', language: 'ar' })).toEqual({ access: 'none', refusal: 'no-such-room' });
    expect(draftAccess({ seriesId: 's1', role: 'rapporteur', removed: true }, series, { seriesId: 's1', language: 'en' })).toEqual({ access: 'none', refusal: 'removed' });
    expect(draftAccess({ seriesId: 's2', role: 'facilitator', removed: false }, series, { seriesId: 's1', language: 'en' })).toEqual({ access: 'none', refusal: 'forbidden' });
  });
});

describe('SER42 the title block', () => {
  it('SER42 reads strings, and anything else as empty', () => {
    expect(titleFromRecord({ symbol: 'OT/1', date: '2026-11-29', submittedBy: 'The organisers', title: 'Data' })).toEqual({
      symbol: 'OT/1',
      date: '2026-11-29',
      submittedBy: 'The organisers',
      title: 'Data',
    });
    expect(titleFromRecord({ symbol: 3, date: '29/11/2026', extra: 'x' })).toEqual({ symbol: '', date: '', submittedBy: '', title: '' });
  });
});
