import type { Command, CommandSuccess } from '../net/command-types';
import { useConsultation } from './store';

type AckEffects = { [K in Command]?: (ack: CommandSuccess<K>) => void };

const store = () => useConsultation.getState();
const consultation = ({ consultation }: CommandSuccess<'consultation:get'>) => store().applyConsultation(consultation);
const contribution = ({ contribution }: CommandSuccess<'contribution:get'>) => store().putContributions([contribution]);
const comment = ({ comment }: CommandSuccess<'comment:approve'>) => store().commentChanged(comment);
const statement = ({ statement }: CommandSuccess<'statement:moderate'>) => store().statementChanged(statement);

/**
 * What a consultation command's ack puts into the consultation store at once (CONS46), for the
 * participant's page and the console alike; the broadcast that follows says the same, and
 * applying it twice is harmless. Spread into net/acks.ts.
 */
export const CONSULTATION_ACK_EFFECTS = {
  'consultation:get': consultation,
  'consultation:configure': consultation,
  'consultation:add-question': consultation,
  'consultation:edit-question': consultation,
  'consultation:remove-question': consultation,
  'consultation:move-question': consultation,
  'consultation:set-phase': consultation,
  'consultation:invite': ({ invitations }) => {
    const before = store().live?.invitations ?? [];
    store().applyInvitations([...before, ...invitations]);
  },
  'consultation:import': ({ contributions }) => store().putContributions(contributions),
  'contribution:submit': ({ contribution }) => store().contributionMine(contribution),
  'contribution:edit': ({ contribution }) => store().contributionMine(contribution),
  'contribution:get': contribution,
  'contribution:approve': contribution,
  'contribution:hide': contribution,
  'contribution:merge': contribution,
  'contribution:tag': contribution,
  'contribution:carry': contribution,
  'contribution:comment': comment,
  'contribution:support': (ack) => store().applySupport(ack),
  'comment:approve': comment,
  'comment:hide': comment,
  'consultation:list': ({ page }) => store().putContributions(page.items),
  'consultation:queue': ({ page }) => store().putContributions(page.items),
  'consultation:similar': ({ similar }) => store().putContributions(similar),
  'statement:moderate': statement,
  'statement:propose': statement,
} satisfies AckEffects;
