import { shallow } from 'zustand/shallow';
import { describe, expect, it } from 'vitest';
import type { QuestionItem, SessionState, TownhallLive } from '../../../shared/src/protocol/index.js';
import { useLive } from '../../../client/src/state/live-store.js';

// The selector hooks (client/src/state/selectors.ts) re-render a component only when the slice
// it selects is another object. That holds only if every delta copies what it changes and keeps
// everything else as it was: checked here on the store, for the deltas that come most often.

const question = { id: 'q1', votes: 0 } as QuestionItem;
const townhall = {
  settings: {},
  qa: { questions: [question], myVotes: [] },
  you: null,
  floor: null,
  queue: null,
  polls: [],
  projectedPollId: null,
  captions: [],
  agenda: {},
} as unknown as TownhallLive;
const state = { session: {}, viewer: { kind: 'participant', participant: { id: 'me' } }, attendance: {}, townhall } as unknown as SessionState;

/** What the participant page's panels select (Participant, TownhallView, QaSection, LiveCaptions, LiveAttendance). */
function slices(live: SessionState) {
  const th = live.townhall!;
  return {
    page: { session: live.session, viewer: live.viewer, cafe: live.cafe },
    townhallView: { agenda: th.agenda, floor: th.floor, you: th.you, polls: th.polls, settings: th.settings },
    qa: th.qa,
    captions: th.captions,
    attendance: live.attendance,
  };
}

function changed(delta: () => void): string[] {
  useLive.getState().applyState(state);
  const before = slices(useLive.getState().live!);
  delta();
  const after = slices(useLive.getState().live!);
  return (Object.keys(before) as (keyof typeof before)[]).filter((key) => !shallow(before[key], after[key]));
}

describe('what a delta changes, as the selector hooks see it', () => {
  it('a vote count changes Q&A only', () => {
    expect(changed(() => useLive.getState().thVotes({ q1: 3 }))).toEqual(['qa']);
  });

  it('a caption line changes the captions only', () => {
    expect(changed(() => useLive.getState().thCaptions([{ id: 'c1', text: 'hello', language: 'en', at: 0 }]))).toEqual(['captions']);
  });

  it('attendance changes the attendance panel only', () => {
    expect(changed(() => useLive.getState().applyAttendance({ present: 1 } as SessionState['attendance']))).toEqual(['attendance']);
  });

  it('the floor changes the Town Hall panels, not Q&A', () => {
    expect(changed(() => useLive.getState().thFloor(null))).toEqual([]);
    expect(changed(() => useLive.getState().thFloor({} as never))).toEqual(['townhallView']);
  });
});
