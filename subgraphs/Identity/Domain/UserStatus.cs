using System.ComponentModel;

namespace GoShop.Identity.Domain;

public enum UserStatus
{
    [Description("The account can sign in and use the marketplace.")]
    Active,

    [Description("The account was deleted by its owner; its personal data is erased and it can never sign in again.")]
    Deleted,

    [Description("An admin suspended the account: it cannot sign in, and its shops and shipper offers are off the market until an admin reinstates it.")]
    Suspended,
}
