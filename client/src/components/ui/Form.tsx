import { Form as AriaForm, type FormProps } from 'react-aria-components';

/** A form whose kit fields show the errors of `validationErrors` (a server's field errors) beside themselves. */
export function Form(props: FormProps) {
  return <AriaForm {...props} />;
}
