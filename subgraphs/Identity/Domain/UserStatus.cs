namespace GoShop.Identity.Domain;

public enum UserStatus
{
    Active,
    Deleted,
}
