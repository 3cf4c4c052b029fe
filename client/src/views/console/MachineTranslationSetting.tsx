import type { SessionView } from '@open-talks/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { engineName } from '../../components/machine/ContributionText';
import { command } from '../../net/realtime';
import { refusalText } from '../../net/refusal';
import { Message } from './cafe/Message';

/**
 * The facilitator's switch for machine translation (MT20, MT38): only where the server has an engine
 * (MT21), with its name. Like the observers' notes box, it shows the asked-for value while the
 * change is on its way, and the server's once `session:changed` arrives.
 */
export function MachineTranslationSetting({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<boolean>();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  if (session.machineEngine === null) return null;
  const engine = engineName(session.machineEngine);

  const change = async (machineTranslation: boolean) => {
    setPending(machineTranslation);
    const ack = await command('session:configure', { machineTranslation });
    setPending(undefined);
    setMessage(ack.ok ? { text: t('machineTranslation.saved'), error: false } : { text: refusalText(t, ack.error), error: true });
  };

  return (
    <div className="machine-translation-setting">
      <label className="choice">
        <input
          type="checkbox"
          checked={pending ?? session.machineTranslation}
          disabled={pending !== undefined}
          aria-describedby="machine-translation-hint"
          onChange={(e) => void change(e.target.checked)}
        />
        {t('machineTranslation.offer')}
      </label>
      <p className="hint" id="machine-translation-hint">
        {t('machineTranslation.offerHint', { engine })}
      </p>
      <Message message={message} />
    </div>
  );
}
