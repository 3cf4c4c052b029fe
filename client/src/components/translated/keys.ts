import { contentKey } from '@open-talks/shared';

// The content keys of the organisers' texts (shared/src/domain/content/keys.ts), one place for the views.
export const keys = {
  roundQuestion: (round: number) => contentKey({ kind: 'cafe-round', id: String(round), field: 'question' }),
  prompt: (promptId: string) => contentKey({ kind: 'cafe-prompt', id: promptId, field: 'text' }),
  agendaTitle: (itemId: string) => contentKey({ kind: 'agenda-item', id: itemId, field: 'title' }),
  pollQuestion: (pollId: string) => contentKey({ kind: 'poll', id: pollId, field: 'question' }),
  pollOption: (pollId: string, optionId: string) => contentKey({ kind: 'poll', id: pollId, field: `option:${optionId}` }),
  consultation: (sessionId: string, field: 'title' | 'background') => contentKey({ kind: 'consultation', id: sessionId, field }),
  consultationQuestion: (questionId: string, field: 'title' | 'text') => contentKey({ kind: 'consultation-question', id: questionId, field }),
  officialResponse: (responseId: string) => contentKey({ kind: 'official-response', id: responseId, field: 'text' }),
};
