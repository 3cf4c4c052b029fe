// VERSION4: the server refused this page's protocol version (it was loaded before a deploy). Kept
// apart from the live store: either connection (Socket.IO or a notepad) may be the one told.
import { create } from 'zustand';

export const useOutdated = create<{ outdated: boolean }>()(() => ({ outdated: false }));

export function markOutdated(): void {
  if (!useOutdated.getState().outdated) useOutdated.setState({ outdated: true });
}
