namespace GoShop.Media.Processing;

/// <summary>One encoded rendition of an image, ready to store.</summary>
public sealed record EncodedImage(string Variant, byte[] Bytes, int Width, int Height);
