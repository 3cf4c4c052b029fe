// TEMPORARY (issue 14, theme suggestions helper): mounts ThemeSuggestions on the harvest page
// with a connection of its own, so the panel can be tried in a browser before the lead places
// it inside HarvestBoard (with the board's doc and harvest data). Remove at merge.
import { notepadRoomName } from '@open-talks/shared';
import { useNotepad } from '../../useNotepad';
import { useHarvest } from '../useHarvest';
import { ThemeSuggestions } from './ThemeSuggestions';

export function ThemeSuggestionsMount({ sessionId, token, userName }: { sessionId: string; token: string; userName: string }) {
  const { connection } = useNotepad(notepadRoomName({ kind: 'harvest', sessionId }), token, { name: userName, color: '#0550ae' });
  const harvest = useHarvest(connection?.doc);
  if (!connection) return null;
  return <ThemeSuggestions sessionId={sessionId} doc={connection.doc} ideas={harvest.ideas} themes={harvest.themes} placement={harvest.placement} />;
}
