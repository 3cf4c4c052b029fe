import { can, type Action, type Role } from '@open-talks/shared';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../../components/PanelBoundary';
import { useTownhall } from '../../../state/selectors';
import { AgendaPanel } from './AgendaPanel';
import { CaptionsPanel } from './CaptionsPanel';
import { PollsPanel } from './PollsPanel';
import { QaPanel } from './QaPanel';
import { QueuePanel } from './QueuePanel';
import { SettingsPanel } from './SettingsPanel';

/** The Town Hall actions that make someone staff on the console; each opens one panel. */
export const TOWNHALL_STAFF_ACTIONS = ['qa:moderate', 'hand:manage', 'poll:manage', 'caption:write', 'agenda:manage', 'townhall:configure'] as const satisfies readonly Action[];

export function isTownhallStaff(role: Role): boolean {
  return TOWNHALL_STAFF_ACTIONS.some((action) => can(role, action));
}

/**
 * The staff side of a Town Hall: the panels this role may use, and only those; each with its own
 * error boundary (CAPTION2). Each panel selects its own slice, so a vote count re-renders Q&A only.
 */
export function TownhallConsole({ role }: { role: Role; phase?: 'prepare' | 'run' }) {
  const { t } = useTranslation();
  return (
    <div className="th-console" aria-label={t('thConsole.heading')} role="region">
      {can(role, 'hand:manage') && <LiveQueue />}
      {can(role, 'qa:moderate') && (
        <PanelBoundary name="questions">
          <LiveQa />
        </PanelBoundary>
      )}
      {can(role, 'poll:manage') && (
        <PanelBoundary name="polls">
          <LivePolls />
        </PanelBoundary>
      )}
      {can(role, 'caption:write') && (
        <PanelBoundary name="captions">
          <LiveCaptions />
        </PanelBoundary>
      )}
      {can(role, 'agenda:manage') && (
        <PanelBoundary name="agenda">
          <LiveAgenda />
        </PanelBoundary>
      )}
      {can(role, 'townhall:configure') && (
        <PanelBoundary name="settings">
          <LiveSettings />
        </PanelBoundary>
      )}
    </div>
  );
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

function LivePolls() {
  const th = useTownhall(({ polls, projectedPollId }) => ({ polls, projectedPollId }));
  return th ? <PollsPanel polls={th.polls} projectedPollId={th.projectedPollId} /> : null;
}

function LiveCaptions() {
  const captions = useTownhall((th) => th.captions);
  return captions ? <CaptionsPanel captions={captions} /> : null;
}

function LiveAgenda() {
  const agenda = useTownhall((th) => th.agenda);
  return agenda ? <AgendaPanel agenda={agenda} /> : null;
}

function LiveSettings() {
  const settings = useTownhall((th) => th.settings);
  return settings ? <SettingsPanel settings={settings} /> : null;
}
