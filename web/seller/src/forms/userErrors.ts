/**
 * Puts a mutation's userErrors where the seller looks: each next to the form field it is about, in the seller's
 * language, and the rest (a suspended shop, an order that moved meanwhile) above the form's buttons. Codes are
 * never shown; a code this table does not know still reads as a sentence (and userErrors.test.ts keeps every code
 * the schema lists for the seller centre's mutations in the table).
 *
 * Subgraphs name the field at fault by its input field: ["input", "price"], or ["input", "attributes.2.name"] for a
 * part of a list, so forms name their fields as the mutation's input does.
 */
import { errorMessages, fieldLabels, type SellerLocale } from './errorMessages';

/** A mutation's expected failure, as every payload carries it. */
export interface UserErrorLike {
  readonly code: string;
  readonly field?: readonly string[] | null;
  readonly message: string;
}

/** What a form shows after a refused mutation. */
export interface FormErrors {
  /** Sentences per form field, by the field's input name (e.g. "price", "attributes"). */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  /** Sentences about no field the form shows: shown above its buttons. */
  readonly form: readonly string[];
}

export const noFormErrors: FormErrors = { fields: {}, form: [] };

/**
 * The form field an error's path points at, among the fields the form shows: the longest leading part of the path
 * (without "input") that the form knows, so ["input", "attributes.2.name"] lands on "attributes.2.name" when the
 * form shows each attribute's name, else on "attributes". Null when the form shows none of it (e.g. "shopId").
 */
export function fieldOf(path: readonly string[] | null | undefined, formFields: readonly string[]): string | null {
  if (!path || path.length === 0) return null;
  const segments = path.flatMap((part) => part.split('.')).filter((part, index) => !(index === 0 && part === 'input'));
  const known = new Set(formFields);
  for (let length = segments.length; length > 0; length--) {
    const candidate = segments.slice(0, length).join('.');
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/** The field's label in the seller's language: its own for a field of a list ("attributes.2.name"), else the list's. */
export function labelOf(field: string | null, locale: SellerLocale): string | null {
  if (field === null) return null;
  const labels = fieldLabels[locale];
  const parts = field.split('.');
  const name = parts[parts.length - 1]!;
  const list = parts[0]!;
  const index = parts.find((part) => /^\d+$/.test(part));
  const base = labels[field] ?? labels[`${list}.${name}`] ?? labels[name] ?? labels[list];
  if (base === undefined) return null;
  return index === undefined ? base : `${base} (${locale === 'vi' ? 'dòng' : 'row'} ${Number(index) + 1})`;
}

/** One error as a sentence for the seller: specific to its field when the table has one, else to its code. */
export function describeUserError(error: UserErrorLike, field: string | null, locale: SellerLocale): string {
  const messages = errorMessages[locale];
  const bareField = field?.split('.').filter((part) => !/^\d+$/.test(part)).join('.') ?? null;
  const specific = bareField === null ? undefined : messages.byField[`${error.code}:${bareField}`];
  if (specific !== undefined) return specific;
  const general = messages.byCode[error.code];
  const label = labelOf(field, locale);
  if (general !== undefined) return typeof general === 'string' ? general : general(label);
  return messages.unknown(label);
}

/** Every error of a payload, placed on the form's fields or above it. */
export function toFormErrors(errors: readonly UserErrorLike[], formFields: readonly string[], locale: SellerLocale): FormErrors {
  const fields: Record<string, string[]> = {};
  const form: string[] = [];
  for (const error of errors) {
    const field = fieldOf(error.field, formFields);
    const text = describeUserError(error, field, locale);
    if (field === null) {
      if (!form.includes(text)) form.push(text);
    } else {
      const list = (fields[field] ??= []);
      if (!list.includes(text)) list.push(text);
    }
  }
  return { fields, form };
}

/** The parts of a failed request (urql's CombinedError) that say why. */
export interface RequestErrorLike {
  readonly networkError?: unknown;
  readonly graphQLErrors: readonly { readonly extensions?: Readonly<Record<string, unknown>> }[];
}

/** A failed request as one sentence: a sign-in that ended, a refusal, a part of GoShop out of reach, or no answer. */
export function describeRequestError(error: RequestErrorLike, locale: SellerLocale): string {
  const texts = errorMessages[locale].request;
  const codes = error.graphQLErrors.map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) return texts.UNAUTHENTICATED;
  if (codes.includes('FORBIDDEN')) return texts.FORBIDDEN;
  if (codes.some((code) => typeof code === 'string' && /UNAVAILABLE|TIMEOUT/.test(code))) return texts.UNAVAILABLE;
  if (error.graphQLErrors.length === 0 && error.networkError) return texts.NETWORK;
  return texts.OTHER;
}
