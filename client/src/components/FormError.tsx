import { useTranslation } from 'react-i18next';
import type { RequestError } from '../net/api';

/** An error said in the person's language; announced at once to screen readers. */
export function FormError({ error, id }: { error: Pick<RequestError, 'code' | 'reason'> | undefined; id?: string }) {
  const { t } = useTranslation();
  // The server's reason, when it gave one the catalog knows (an invitation code needed, say).
  const reason = error?.reason ? t(`reasons.${error.reason}`, { defaultValue: '' }) : '';
  return (
    <p id={id} className="form-error" role="alert">
      {error ? `${t(`errors.${error.code}`)}${reason ? ` ${reason}` : ''}` : ''}
    </p>
  );
}
