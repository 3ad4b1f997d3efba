/**
 * Uploads pictures (or a video) with uploadMedia, a GraphQL multipart request through the gateway. Browsers send
 * multipart forms without a CORS preflight, so the subgraph wants the GraphQL-Preflight header as proof that a
 * script, not a foreign form, sent it.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { useI18n } from '@goshop/shared';
import { graphql } from '../gql';
import { useFormMutation } from '../forms/useFormMutation';

const UploadMedia = graphql(`
  mutation SellerUploadMedia($file: Upload!) {
    uploadMedia(file: $file) {
      media { id url kind width height variants { name url } }
      userErrors { code field message }
    }
  }
`);

export interface UploadedMedia {
  readonly id: string;
  readonly url: string;
  readonly variants: readonly { name: string; url: string }[];
}

const uploadFields = ['file'] as const;
const preflight = { fetchOptions: { headers: { 'GraphQL-Preflight': '1' } } };

export function MediaUpload({ label, onUploaded, multiple = true }: { label: string; onUploaded: (media: UploadedMedia) => void | Promise<void>; multiple?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const upload = useFormMutation(UploadMedia, uploadFields);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string[]>([]);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    setBusy(true);
    setFailed([]);
    const refused: string[] = [];
    for (const file of files) {
      const payload = await upload.submit({ file }, preflight);
      if (payload?.media) await onUploaded(payload.media);
      else refused.push(file.name);
    }
    setFailed(refused);
    setBusy(false);
  }

  const error = upload.errors.fields.file?.join(' ') ?? upload.errors.form.join(' ');
  return (
    <div className="gs-field seller-upload">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" accept="image/jpeg,image/png,image/webp,video/mp4" multiple={multiple} onChange={(e) => void choose(e)}
        disabled={busy} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : `${id}-hint`} />
      <small id={`${id}-hint`}>{t('seller.media.hint')}</small>
      {busy && <p role="status">{t('seller.media.uploading')}</p>}
      {error && (
        <p className="gs-field__error" id={`${id}-error`} role="alert">
          {failed.length > 0 && `${failed.join(', ')}: `}
          {error}
        </p>
      )}
    </div>
  );
}

