namespace GoShop.Identity.Tests;

/// <summary>The GraphQL documents the tests send, as a frontend would.</summary>
public static class Operations
{
    private const string Session = "accessToken refreshToken expiresAt user { id email fullName roles } userErrors { code field message }";

    public const string Register = "mutation Register($input: RegisterInput!) { register(input: $input) { " + Session + " } }";

    public const string Login = "mutation Login($input: LoginInput!) { login(input: $input) { " + Session + " } }";

    public const string RefreshToken = "mutation Refresh($input: RefreshTokenInput!) { refreshToken(input: $input) { " + Session + " } }";

    public const string Logout = "mutation Logout($input: LogoutInput!) { logout(input: $input) { success userErrors { code field message } } }";

    public const string Me = "{ me { id email fullName phone roles status createdAt defaultAddress { id } addresses { id city isDefault } shipperProfile { vehicleType plateNumber idNumberMasked } } }";

    private const string SuspensionPayload = "user { id status suspensionReason suspendedAt } userErrors { code field message }";

    public const string SuspendUser =
        "mutation Suspend($input: SuspendUserInput!) { suspendUser(input: $input) { " + SuspensionPayload + " } }";

    public const string ReinstateUser =
        "mutation Reinstate($input: ReinstateUserInput!) { reinstateUser(input: $input) { " + SuspensionPayload + " } }";

    public const string MySessions = "{ mySessions { id startedAt lastRefreshedAt userAgent ipAddress current } }";

    public const string RevokeSession =
        "mutation Revoke($input: RevokeSessionInput!) { revokeSession(input: $input) { success userErrors { code field message } } }";

    public const string RequestPasswordReset =
        "mutation Request($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { success userErrors { code field message } } }";

    public const string ResetPassword =
        "mutation Reset($input: ResetPasswordInput!) { resetPassword(input: $input) { success userErrors { code field message } } }";

    public const string ChangePassword =
        "mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } userErrors { code field message } } }";

    public const string UpdateProfile =
        "mutation Update($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id fullName phone } userErrors { code field message } } }";

    public const string DeleteAccount =
        "mutation Delete($input: DeleteAccountInput!) { deleteAccount(input: $input) { success userErrors { code field message } } }";

    public const string RegisterAsShipper =
        "mutation Shipper($input: RegisterAsShipperInput!) { registerAsShipper(input: $input) { user { id roles shipperProfile { vehicleType plateNumber idNumberMasked } } userErrors { code field message } } }";

    private const string AddressFields = "id recipientName phone line1 line2 ward district city country postalCode location { lat lng } isDefault";

    public const string AddAddress =
        "mutation Add($input: AddAddressInput!) { addAddress(input: $input) { address { " + AddressFields + " } user { id defaultAddress { id } } userErrors { code field message } } }";

    public const string UpdateAddress =
        "mutation Update($input: UpdateAddressInput!) { updateAddress(input: $input) { address { " + AddressFields + " } userErrors { code field message } } }";

    public const string DeleteAddress =
        "mutation Delete($input: DeleteAddressInput!) { deleteAddress(input: $input) { user { addresses { id isDefault } defaultAddress { id } } userErrors { code field message } } }";

    public const string SetDefaultAddress =
        "mutation SetDefault($input: SetDefaultAddressInput!) { setDefaultAddress(input: $input) { address { id isDefault } user { defaultAddress { id } } userErrors { code field message } } }";

    public const string MyAddresses =
        "{ me { id defaultAddress { id } addresses { " + AddressFields + " updatedAt } } }";

    public const string UserById =
        "query User($id: ID!) { user(id: $id) { id fullName email phone status roles addresses { id } shipperProfile { plateNumber } } }";

    public const string Users =
        "query Users($search: String, $role: Role, $first: Int, $after: String) { users(search: $search, role: $role, first: $first, after: $after) { " +
        "totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id email roles } } } }";

    /// <summary>How the gateway resolves a User another subgraph points at.</summary>
    public const string UserEntities =
        "query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on User { id fullName email phone addresses { id } } } }";

    public static object HomeAddress(string city = "Hồ Chí Minh", bool? makeDefault = null) => new
    {
        input = new
        {
            recipientName = "Nguyễn Văn An",
            phone = "+84 901 234 567",
            line1 = "12 Lê Lợi",
            ward = "Bến Nghé",
            district = "Quận 1",
            city,
            country = "vn",
            postalCode = "700000",
            location = new { lat = 10.7769, lng = 106.7009 },
            makeDefault,
        },
    };
}
