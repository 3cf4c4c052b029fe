import { can, type Action, type Role } from '@open-talks/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../../components/PanelBoundary';
import { useSessionView, useTownhall, useViewer } from '../../../state/selectors';
import { AgendaPanel, AgendaRunCard } from './AgendaPanel';
import { CaptionsPanel } from './CaptionsPanel';
import { PanelTabs, type Panel } from './PanelTabs';
import { PollsPanel } from './PollsPanel';
import { QaPanel } from './QaPanel';
import { QueuePanel } from './QueuePanel';
import { SettingsPanel } from './SettingsPanel';

/** The Town Hall actions that make someone staff on the console; each opens one panel. */
export const TOWNHALL_STAFF_ACTIONS = ['qa:moderate', 'hand:manage', 'poll:manage', 'caption:write', 'agenda:manage', 'townhall:configure'] as const satisfies readonly Action[];

export function isTownhallStaff(role: Role): boolean {
  return TOWNHALL_STAFF_ACTIONS.some((action) => can(role, action));
}

export type TownhallPhase = 'prepare' | 'run';

/**
 * The staff side of a Town Hall: the panels this role may use, and only those; each with its own
 * error boundary (CAPTION2). Each panel selects its own slice, so a vote count re-renders Q&A only.
 *
 * THUI10: by what the person is doing. `prepare`: the agenda, drafting polls, the settings.
 * `run`: the agenda's now / next above the live panels (queue and floor, Q&A, polls, captions),
 * as tabs on a tablet and two columns on a wide screen (THUI9). Without a phase, everything,
 * the live panels first.
 */
export function TownhallConsole({ role, phase }: { role: Role; phase?: TownhallPhase }) {
  const { t } = useTranslation();
  const live = phase !== 'prepare';
  const panels: Panel[] = [];
  const add = (action: Action, when: boolean, panel: Panel) => {
    if (when && can(role, action)) panels.push(panel);
  };
  const boundary = (name: string, node: ReactNode) => <PanelBoundary name={name}>{node}</PanelBoundary>;
  add('hand:manage', live, { id: 'queue', column: 1, label: <QueueTabLabel />, node: <LiveQueue /> });
  add('qa:moderate', live, { id: 'questions', column: 2, label: <QaTabLabel />, node: boundary('questions', <LiveQa />) });
  add('poll:manage', true, { id: 'polls', column: 2, label: <PollsTabLabel prepare={phase === 'prepare'} />, node: boundary('polls', <LivePolls mode={phase ?? 'all'} />) });
  add('caption:write', live, { id: 'captions', column: 1, label: t('thPhase.tab.captions'), node: boundary('captions', <LiveCaptions />) });
  add('agenda:manage', phase !== 'run', {
    id: 'agenda',
    column: 1,
    label: t('thPhase.tab.agenda'),
    node: boundary('agenda', <LiveAgenda mode={phase === 'prepare' ? 'prepare' : 'all'} />),
  });
  add('townhall:configure', phase !== 'run', { id: 'settings', column: 2, label: t('thPhase.tab.settings'), node: boundary('settings', <LiveSettings />) });

  return (
    <div className={`th-console th-console-${phase ?? 'all'}`} aria-label={t('thConsole.heading')} role="region">
      {phase === 'run' && can(role, 'agenda:manage') && (
        <PanelBoundary name="agenda">
          <LiveAgendaNow />
        </PanelBoundary>
      )}
      {live && <LiveSummary role={role} />}
      {phase === 'prepare' ? (
        <div className="th-prepare">
          {panels.map((p) => (
            <div key={p.id} className="th-panel-slot" data-panel={p.id}>
              {p.node}
            </div>
          ))}
        </div>
      ) : (
        <PanelTabs panels={panels} label={t('thPhase.tab.label')} idPrefix={`th-${phase ?? 'all'}`} />
      )}
    </div>
  );
}

/** THUI9: what waits for the staff, said politely when it changes (a hidden tab's own news is not). */
function LiveSummary({ role }: { role: Role }) {
  const { t } = useTranslation();
  const counts = useTownhall((th) => ({ questions: th.qa.questions.filter((q) => q.status === 'pending').length, hands: th.queue?.hands.length ?? 0 }));
  if (!counts) return null;
  const parts = [
    can(role, 'qa:moderate') && t('thPhase.summary.questions', { n: counts.questions }),
    can(role, 'hand:manage') && t('thPhase.summary.hands', { n: counts.hands }),
  ].filter(Boolean);
  return (
    <p className="visually-hidden" role="status" data-testid="th-run-summary">
      {parts.join(' ')}
    </p>
  );
}

function QueueTabLabel() {
  const { t } = useTranslation();
  const hands = useTownhall((th) => th.queue?.hands.length ?? 0) ?? 0;
  return <>{t('thPhase.tab.queue', { n: hands })}</>;
}

function QaTabLabel() {
  const { t } = useTranslation();
  const pending = useTownhall((th) => th.qa.questions.filter((q) => q.status === 'pending').length) ?? 0;
  return <>{t('thPhase.tab.questions', { n: pending })}</>;
}

function PollsTabLabel({ prepare }: { prepare: boolean }) {
  const { t } = useTranslation();
  const open = useTownhall((th) => th.polls.filter((p) => p.poll.status === 'open').length) ?? 0;
  return <>{prepare ? t('thPhase.tab.pollsPrepare') : t('thPhase.tab.polls', { n: open })}</>;
}

function LiveQueue() {
  const th = useTownhall(({ queue, floor, settings }) => ({ queue, floor: floor ?? queue?.floor ?? null, interventionMs: settings.interventionMs }));
  if (!th?.queue) return null;
  return (
    <PanelBoundary name="queue">
      <QueuePanel queue={th.queue} floor={th.floor} interventionMs={th.interventionMs} />
    </PanelBoundary>
  );
}

function LiveQa() {
  const th = useTownhall(({ qa, settings }) => ({ questions: qa.questions, moderation: settings.moderation }));
  return th ? <QaPanel questions={th.questions} moderation={th.moderation} /> : null;
}

function LivePolls({ mode }: { mode: 'all' | 'run' | 'prepare' }) {
  const th = useTownhall(({ polls, projectedPollId }) => ({ polls, projectedPollId }));
  return th ? <PollsPanel polls={th.polls} projectedPollId={th.projectedPollId} mode={mode} /> : null;
}

function LiveCaptions() {
  const th = useTownhall(({ captionStreams, settings }) => ({ streams: captionStreams, projector: settings.projectorCaptionLanguage }));
  const me = useViewer();
  const session = useSessionView();
  if (!th || !me || !session) return null;
  return <CaptionsPanel streams={th.streams ?? []} projector={th.projector ?? null} me={me} languages={session.languages} />;
}

function LiveAgenda({ mode }: { mode: 'all' | 'prepare' }) {
  const agenda = useTownhall((th) => th.agenda);
  return agenda ? <AgendaPanel agenda={agenda} mode={mode} /> : null;
}

function LiveAgendaNow() {
  const agenda = useTownhall((th) => th.agenda);
  return agenda ? <AgendaRunCard agenda={agenda} /> : null;
}

function LiveSettings() {
  const settings = useTownhall((th) => th.settings);
  return settings ? <SettingsPanel settings={settings} /> : null;
}
