import type { ServerToClientEvents } from '@open-talks/shared/protocol';
import { useConsultation } from './store';

type ConsultationEvent =
  | 'consultation:changed'
  | 'contribution:changed'
  | 'contribution:gone'
  | 'contribution:counts'
  | 'contribution:mine'
  | 'comment:changed'
  | 'comment:gone'
  | 'consultation:you'
  | 'moderation:counts'
  | 'statement:changed'
  | 'opinion:report';

const store = () => useConsultation.getState();

/** What this tab does with the consultation's server events (CONS46): each one changes the consultation store. */
export const CONSULTATION_EVENT_HANDLERS: { [K in ConsultationEvent]: ServerToClientEvents[K] } = {
  'consultation:changed': (view) => store().applyConsultation(view),
  'contribution:changed': (item) => store().contributionChanged(item),
  'contribution:gone': (gone) => store().contributionGone(gone),
  'contribution:counts': (counts) => store().applyCounts(counts),
  'contribution:mine': (item) => store().contributionMine(item),
  'comment:changed': (comment) => store().commentChanged(comment),
  'comment:gone': (gone) => store().commentGone(gone),
  'consultation:you': (you) => store().applyYou(you),
  'moderation:counts': (counts) => store().applyModeration(counts),
  'statement:changed': (statement) => store().statementChanged(statement),
  'opinion:report': (report) => store().applyReport(report),
};
