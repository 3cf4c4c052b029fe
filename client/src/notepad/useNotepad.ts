import { useEffect, useState, useSyncExternalStore } from 'react';
import { openNotepadConnection, type NotepadConnection, type NotepadConnectionState } from '../net/notepad';

const CLOSED: NotepadConnectionState = { status: 'connecting', serverReadOnly: false, closed: null };

/** One connection to a notepad room for as long as the component shows it. */
export function useNotepad(room: string, token: string, user: { name: string; color: string }): { connection: NotepadConnection | null; state: NotepadConnectionState } {
  const [connection, setConnection] = useState<NotepadConnection | null>(null);
  useEffect(() => {
    const opened = openNotepadConnection(room, token, user);
    setConnection(opened);
    return () => {
      setConnection(null);
      opened.destroy();
    };
    // The user's name and colour are updated in place below, without reconnecting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [room, token]);
  useEffect(() => {
    connection?.provider.awareness.setLocalStateField('user', { name: user.name, color: user.color, colorLight: `${user.color}33` });
  }, [connection, user.name, user.color]);
  const state = useSyncExternalStore(
    (listener) => connection?.subscribe(listener) ?? (() => undefined),
    () => connection?.state() ?? CLOSED,
  );
  return { connection, state };
}
