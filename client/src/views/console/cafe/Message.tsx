/** The outcome of the last action: an alert when it failed, a polite status when it worked. */
export function Message({ message }: { message: { text: string; error: boolean } | undefined }) {
  return (
    <>
      <p className="form-error" role="alert">
        {message?.error ? message.text : ''}
      </p>
      <p className="saved" role="status">
        {message && !message.error ? message.text : ''}
      </p>
    </>
  );
}
