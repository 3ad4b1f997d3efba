// Runs a mutation from a form and turns its answer into what the form shows: userErrors beside their fields (in the
// shopper's words), a GraphQL or network failure as one friendly sentence at the form level.
import { useCallback, useState } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { fieldMessages, formKey, friendlyError, useI18n, type UserErrorLike } from '@goshop/shared';

export function useFormMutation<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  payloadOf: (data: Data) => { userErrors: readonly UserErrorLike[] } | null | undefined,
  fields: readonly string[] = [],
) {
  const i18n = useI18n();
  const [state, execute] = useMutation(document);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = useCallback(async (variables: Variables): Promise<Data | null> => {
    const result = await execute(variables);
    if (result.error || !result.data) {
      setErrors({ [formKey]: friendlyError(result.error, i18n) ?? i18n.t('error.unexpected') });
      return null;
    }
    const payload = payloadOf(result.data);
    const messages = fieldMessages(payload?.userErrors, i18n, fields);
    setErrors(messages);
    return Object.keys(messages).length === 0 ? result.data : null;
  }, [execute, i18n, payloadOf, fields]);
  return { run, errors, busy: state.fetching, formError: errors[formKey], clear: () => setErrors({}) };
}
