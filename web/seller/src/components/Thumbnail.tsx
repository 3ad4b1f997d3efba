/** A product's first picture, small: the media's thumbnail variant when it has one. Decorative beside the title. */
export function Thumbnail({ media, size = 48 }: { media: { url: string; variants: readonly { name: string; url: string }[] } | null; size?: number }) {
  if (!media) return <span className="seller-thumb seller-thumb--empty" style={{ width: size, height: size }} aria-hidden="true" />;
  const src = media.variants.find((v) => v.name === 'thumbnail')?.url ?? media.url;
  return <img className="seller-thumb" src={src} alt="" width={size} height={size} loading="lazy" />;
}
