namespace GoShop.Media.Domain;

public enum MediaKind
{
    Image,
    Video,
}
