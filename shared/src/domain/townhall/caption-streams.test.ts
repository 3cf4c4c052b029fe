import { describe, expect, it } from 'vitest';
import { orderCaptionStreams, pickCaptionStream, projectorCaptionStream } from './caption-streams.js';

const streams = [
  { language: 'fr', count: 3 },
  { language: 'en', count: 10 },
  { language: 'ar', count: 1 },
];

describe('caption streams', () => {
  it('CAPS4 lists the streams in the session language order, then the others', () => {
    expect(orderCaptionStreams(streams, ['en', 'fr']).map((s) => s.language)).toEqual(['en', 'fr', 'ar']);
    expect(orderCaptionStreams(streams, []).map((s) => s.language)).toEqual(['ar', 'en', 'fr']);
  });

  it('CAPS10 picks the chosen stream, else the viewer language, else the busiest', () => {
    expect(pickCaptionStream(streams, { chosen: 'ar', language: 'fr' })).toBe('ar');
    expect(pickCaptionStream(streams, { chosen: 'es', language: 'fr' })).toBe('fr');
    expect(pickCaptionStream(streams, { language: 'zh' })).toBe('en');
    expect(pickCaptionStream([{ language: 'fr', count: 2 }], { language: 'fr-CA' })).toBe('fr');
    expect(pickCaptionStream([], { language: 'fr' })).toBeNull();
  });

  it('CAPS12 puts the chosen stream on the projector, else the session first language, else the busiest', () => {
    expect(projectorCaptionStream(streams, 'fr', ['en'])).toBe('fr');
    expect(projectorCaptionStream(streams, null, ['ar', 'en'])).toBe('ar');
    expect(projectorCaptionStream(streams, null, ['zh'])).toBe('en');
  });
});
