import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What to ask: the question (the dialog's label) and the words on the button that goes ahead. */
export interface ConfirmRequest {
  question: string;
  confirm: string;
}

/**
 * An accessible "are you sure?" instead of the browser's `confirm()` (THUI2): a modal `<dialog>`
 * (showModal: the rest of the page is inert), labelled by its question; focus moves to Cancel,
 * the safe choice; Escape cancels; focus returns to the control that opened it.
 */
export function ConfirmDialog({ question, confirm, onDone }: ConfirmRequest & { onDone: (ok: boolean) => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element?.showModal();
    return () => {
      if (element?.open) element.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-question`}
      onCancel={(event) => {
        // Escape: the dialog closes through onDone, so React stays the one that removes it.
        event.preventDefault();
        onDone(false);
      }}
    >
      <p id={`${id}-question`} className="confirm-question" dir="auto">
        {question}
      </p>
      <div className="button-row">
        <button type="button" className="secondary" autoFocus onClick={() => onDone(false)}>
          {t('thUi.confirm.cancel')}
        </button>
        <button type="button" className="confirm-go" onClick={() => onDone(true)}>
          {confirm}
        </button>
      </div>
    </dialog>
  );
}

/**
 * `const { ask, dialog } = useConfirm()`: render `dialog` somewhere in the component, and
 * `if (await ask({ question, confirm })) …` where `window.confirm` was.
 */
export function useConfirm(): { ask: (request: ConfirmRequest) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<(ConfirmRequest & { resolve: (ok: boolean) => void }) | null>(null);
  const ask = useCallback((request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ ...request, resolve })), []);
  const dialog = pending && (
    <ConfirmDialog
      question={pending.question}
      confirm={pending.confirm}
      onDone={(ok) => {
        setPending(null);
        pending.resolve(ok);
      }}
    />
  );
  return { ask, dialog };
}
