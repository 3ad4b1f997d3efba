using GoShop.Analytics.Data;
using GoShop.Analytics.Facts;
using GoShop.BuildingBlocks.Messaging;
using GoShop.Contracts;

namespace GoShop.Analytics.Events;

/// <summary>
/// Base of analytics' consumers: the inbox makes each message count once, the handler writes its facts through the
/// <see cref="FactRecorder"/>, and the rollups of the days it touched are recounted before the transaction commits.
/// </summary>
public abstract class AnalyticsEventHandler<TEvent>(AnalyticsDbContext db, FactRecorder facts, TimeProvider clock, ILogger logger)
    : IntegrationEventHandler<TEvent, AnalyticsDbContext>(db, clock, logger)
    where TEvent : class, IIntegrationEvent
{
    protected FactRecorder Facts { get; } = facts;

    protected sealed override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        await RecordAsync(message, cancellationToken);
        await Facts.Rollups.RefreshAsync(cancellationToken);
    }

    protected abstract Task RecordAsync(TEvent message, CancellationToken cancellationToken);
}
