/**
 * A form's mutation: sends it, and turns whatever comes back into what the form shows. userErrors go next to their
 * fields (toFormErrors); a request that failed as a whole (signed out, a part of GoShop out of reach, no network)
 * becomes one sentence above the buttons. The page never goes blank and never shows a code.
 */
import { useCallback, useState } from 'react';
import { type AnyVariables, type DocumentInput, type OperationContext, useMutation } from 'urql';
import { useI18n } from '@goshop/shared';
import { describeRequestError, noFormErrors, toFormErrors, type FormErrors, type UserErrorLike } from './userErrors';

interface Payload {
  readonly userErrors: readonly UserErrorLike[];
}

/** The mutation's payload (its one root field), typed as the document says. */
type PayloadOf<Data> = Data[keyof Data];

export interface FormMutation<Data, Variables extends AnyVariables> {
  readonly errors: FormErrors;
  readonly fetching: boolean;
  /**
   * Sends the mutation; answers its payload when it succeeded, null when the form now shows why not. `adjust` may
   * rewrite the userErrors' paths first (rows not sent, see remapRows).
   */
  readonly submit: (
    variables: Variables,
    context?: Partial<OperationContext>,
    adjust?: (errors: readonly UserErrorLike[]) => readonly UserErrorLike[],
  ) => Promise<PayloadOf<Data> | null>;
  readonly reset: () => void;
}

export function useFormMutation<Data extends Record<string, Payload | null | undefined>, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
  formFields: readonly string[],
): FormMutation<Data, Variables> {
  const [state, execute] = useMutation<Data, Variables>(document);
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const { locale } = useI18n();

  const submit = useCallback(
    async (
      variables: Variables,
      context?: Partial<OperationContext>,
      adjust?: (errors: readonly UserErrorLike[]) => readonly UserErrorLike[],
    ) => {
      setErrors(noFormErrors);
      const result = await execute(variables, context);
      const payload = result.data ? (Object.values(result.data)[0] as PayloadOf<Data> | null | undefined) : undefined;
      if (result.error && !payload) {
        setErrors({ fields: {}, form: [describeRequestError(result.error, locale)] });
        return null;
      }
      if (!payload) {
        setErrors({ fields: {}, form: [describeRequestError({ graphQLErrors: [{}] }, locale)] });
        return null;
      }
      const userErrors = (payload as Payload).userErrors;
      if (userErrors.length > 0) {
        setErrors(toFormErrors(adjust ? adjust(userErrors) : userErrors, formFields, locale));
        return null;
      }
      return payload;
    },
    [execute, formFields, locale],
  );

  return { errors, fetching: state.fetching, submit, reset: useCallback(() => setErrors(noFormErrors), []) };
}
