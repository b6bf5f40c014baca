/**
 * The error summary of a form. The live region is always in the page so that assistive technologies
 * announce the message when it appears, not only when the region itself is inserted.
 */
export function FormError({ message, id }: { message?: string | null; id?: string }) {
  return (
    <div
      role="alert"
      aria-atomic="true"
      id={id}
      className={message ? 'form-error' : 'form-error form-error--empty'}
    >
      {message ? <p>{message}</p> : null}
    </div>
  );
}
