import { orderCaptionStreams, type Language } from '@open-talks/shared';
import { CAPTIONS_IN_STATE, type CaptionStreamView, type CaptionView, type captionPayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { newId } from '../../auth/tokens.js';
import { AppError } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import type { TownhallContext } from '../context.js';
import type { TownhallRoom } from '../room.js';

export const CAPTION_LIMITS = {
  lineLength: 500, // characters, once whitespace is collapsed
  linesPerCall: 50, // a pasted feed
} as const;

/**
 * Live captions: a captioner types a line or pastes a feed line by line, in the stream of one
 * language (CAPS1: a captioner or an interpreter per language). Every line is kept (the transcript
 * of each stream is part of the record); screens get the new lines, and each stream's latest on
 * (re)connect.
 */
export class CaptionService {
  constructor(private readonly ctx: TownhallContext) {}

  add(principal: Principal, { text, language }: z.output<typeof captionPayload>): Promise<{ captions: CaptionView[] }> {
    const lines = text
      .split(/\r\n|\r|\n/u)
      .map((line) => line.replace(/\s+/gu, ' ').trim())
      .filter((line) => line.length > 0);
    if (lines.length === 0) throw new AppError('bad_request', 'A caption needs some text');
    if (lines.length > CAPTION_LIMITS.linesPerCall) throw new AppError('bad_request', `At most ${CAPTION_LIMITS.linesPerCall} lines at once`);
    if (lines.some((line) => line.length > CAPTION_LIMITS.lineLength)) {
      throw new AppError('bad_request', `A caption line has at most ${CAPTION_LIMITS.lineLength} characters`);
    }
    return this.ctx.run(principal, async (room) => {
      const at = this.ctx.now();
      // The stream: the one the captioner picked, else their own language (CAPS2).
      const lang = language ?? principal.participant?.language ?? principal.session.languages[0] ?? 'en';
      const captions = lines.map((line, i) => ({ id: newId(), seq: room.nextCaptionSeq + i, text: line, language: lang, at }));
      await this.ctx.store.townhall.addCaptions(room.sessionId, captions);
      room.nextCaptionSeq += captions.length;
      const views = captions.map(({ seq: _seq, ...view }) => view);
      room.captions = [...room.captions, ...views].slice(-CAPTIONS_IN_STATE);
      const stream = room.captionStreams.get(lang) ?? { lines: [], count: 0 };
      room.captionStreams.set(lang, { lines: [...stream.lines, ...views].slice(-CAPTIONS_IN_STATE), count: stream.count + views.length });
      this.ctx.bus.publish('townhall:captions', { sessionId: room.sessionId, captions: views });
      return { captions: views };
    });
  }

  /** The streams there are, each with its latest lines, in the session's language order (CAPS4, CAPS5). */
  streamsOf(room: TownhallRoom, sessionLanguages: readonly Language[]): CaptionStreamView[] {
    const streams = [...room.captionStreams].map(([language, { lines, count }]) => ({ language, lines, count }));
    return orderCaptionStreams(streams, sessionLanguages);
  }

  /** The whole transcript, oldest first: every stream, or one language's (CAPS20). */
  async transcript(principal: Principal, language?: Language): Promise<CaptionView[]> {
    if (language) return this.ctx.store.townhall.streamCaptions(principal.session.id, language);
    return (await this.ctx.store.townhall.captions(principal.session.id)).captions;
  }
}
