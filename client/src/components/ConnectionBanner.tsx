import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../state/live-store';
import { useOutdated } from '../net/outdated';
import { OutdatedNotice } from './OutdatedNotice';

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/**
 * The live connection module (and Socket.IO with it) is loaded on demand: the banner sits in
 * every page's layout, and the join page must not carry Socket.IO (WEB1). A tab that was
 * replaced has loaded it already, so the import costs nothing then.
 */
const reconnectHere = () => void import('../net/realtime').then(({ reconnectLive }) => reconnectLive());

/** Says, in words and to screen readers, when the live connection is not there. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const status = useLive((s) => s.status);
  const connectionLimit = useLive((s) => s.connectionLimit);
  const online = useOnline();
  const outdated = useOutdated((s) => s.outdated);
  if (outdated) return <OutdatedNotice />;
  if (status === 'replaced') {
    // Not a live region that keeps repeating: said once, with the way back next to it.
    return (
      <div className="connection-banner" role="alert" data-status={status}>
        <p>{t('connectionLimit.replaced', { max: connectionLimit ?? 0 })}</p>
        <button type="button" onClick={reconnectHere}>
          {t('connectionLimit.useHere')}
        </button>
      </div>
    );
  }
  let message: string | undefined;
  if (!online && status !== 'idle') message = t('connection.offline');
  else if (status === 'connecting') message = t('connection.connecting');
  else if (status === 'reconnecting') message = t('connection.reconnecting');
  return (
    <div className="connection-banner" role="status" aria-live="polite" data-status={status}>
      {message}
    </div>
  );
}
