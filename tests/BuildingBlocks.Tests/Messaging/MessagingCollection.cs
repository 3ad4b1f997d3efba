namespace GoShop.BuildingBlocks.Tests.Messaging;

/// <summary>
/// Integration events fan out to every queue bound to their type, so a probe published while other test hosts run
/// would also be consumed by them (and counted by their SQL counters). These tests run on their own.
/// </summary>
[CollectionDefinition(nameof(MessagingCollection), DisableParallelization = true)]
public sealed class MessagingCollection;
