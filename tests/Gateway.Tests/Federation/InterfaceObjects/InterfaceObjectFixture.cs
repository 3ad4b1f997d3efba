using GoShop.Testing;

namespace GoShop.Gateway.Tests.Federation.InterfaceObjects;

/// <summary>accounts and profiles on loopback, and the gateway in-process in front of them.</summary>
public sealed class InterfaceObjectFixture : IAsyncLifetime
{
    /// <summary>
    /// The two subgraphs composed (join spec v0.3, as composition writes @interfaceObject): Account is a real
    /// interface in accounts and an object type in profiles, so its implementations' <c>name</c> carries a bare
    /// <c>@join__field</c> (no subgraph resolves it on the type itself).
    /// </summary>
    public const string Supergraph = """
        type Query @join__type(graph: ACCOUNTS) @join__type(graph: PROFILES) {
          accounts: [Account!]! @join__field(graph: ACCOUNTS)
          topAccounts: [Account!]! @join__field(graph: PROFILES)
        }

        interface Account @join__type(graph: ACCOUNTS, key: "id") @join__type(graph: PROFILES, key: "id", isInterfaceObject: true) {
          id: ID!
          name: String! @join__field(graph: PROFILES)
        }

        type Admin implements Account @join__implements(graph: ACCOUNTS, interface: "Account") @join__type(graph: ACCOUNTS, key: "id") {
          id: ID!
          level: Int!
          name: String! @join__field
        }

        type Regular implements Account @join__implements(graph: ACCOUNTS, interface: "Account") @join__type(graph: ACCOUNTS, key: "id") {
          id: ID!
          since: Int!
          name: String! @join__field
        }
        """;

    private string? _supergraphPath;

    public RequestSequence Sequence { get; } = new();

    public TestSubgraph Accounts { get; private set; } = null!;

    public TestSubgraph Profiles { get; private set; } = null!;

    internal GatewayFactory Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Accounts = await AccountsSubgraph.StartAsync(Sequence);
        Profiles = await ProfilesSubgraph.StartAsync(Sequence);
        _supergraphPath = TestSupergraph.WriteFile(Supergraph, [("accounts", Accounts.Url), ("profiles", Profiles.Url)]);
        Gateway = new GatewayFactory(_supergraphPath);
        _ = Gateway.Server;
    }

    public GraphQLClient Client() => new(Gateway.CreateClient());

    /// <summary>Forgets what the subgraphs received so far (a test then sees only its own requests).</summary>
    public void ClearReceived()
    {
        Accounts.Take();
        Profiles.Take();
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Accounts.DisposeAsync();
        await Profiles.DisposeAsync();
        if (_supergraphPath is not null)
            File.Delete(_supergraphPath);
    }
}
