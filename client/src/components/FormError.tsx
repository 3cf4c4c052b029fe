import { useTranslation } from 'react-i18next';
import type { RequestError } from '../net/api';

/** An error said in the person's language; announced at once to screen readers. */
export function FormError({ error, id }: { error: Pick<RequestError, 'code'> | undefined; id?: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="form-error" role="alert">
      {error ? t(`errors.${error.code}`) : ''}
    </p>
  );
}
